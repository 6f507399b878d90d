"""Cue verbs learned from PolNeAR train by benchmarks/learn_cues.py (do not edit by hand;
add words to checker/extract/cues.py instead)."""

WITH_CLAUSE = frozenset(
    (
        'acknowledge add address admit adopt agree allege announce answer appear argue ask assert '
        'assume assure believe boast calculate call caution charge cite claim clarify complain '
        'concede conclude confirm consider contend continue convince counter decide declare '
        'demand demonstrate denounce deny describe discuss doubt emphasize endorse estimate '
        'expect explain express fear find forget guess highlight hint hop hope imagine imply '
        'indicate insist interject joke know lament learn maintain mention note notice offer '
        'oppose order pledge point post predict prefer proclaim promise propose question read '
        'reaffirm realize recall recognize recommend reiterate remark remember remind reply '
        'report require respond reveal rule say seek seem share shoot show signal speculate state '
        'stress suggest suspect tell testify tweet urge vote vow want warn wonder worry write'
    ).split()
)

WITH_INFINITIVE = frozenset(
    (
        'agree aim appear argue ask call challenge chant claim decide decline describe encourage '
        'expect hire hop know like look love mention move note offer order persuade pledge prefer '
        'press promise propose push refuse report request rule say seek seem shout show suggest '
        'support tell threaten tweet urge vote vow warn write'
    ).split()
)

WITH_OBJECT = frozenset(
    (
        'accuse acknowledge agree aim alarm anger announce answer applaud approve argue '
        'articulate ask assail assert attack attribute authorize back bash bemoan blame blast '
        'broadcast brush call care champion chant characterize charge cheer chide circulate cite '
        'claim clarify coin compare concede condemn confirm congratulate contemplate contrast '
        'credit criticize declare decline decry deem defend demand denounce deny deride describe '
        'detail devote disavow disclose discuss dislike dismiss display dispute distance document '
        'downplay dub echo email emphasize endorse estimate expect experience explain explore '
        'expose express fear float foresee forward frame hail hammer hate heap herald highlight '
        'identify insult introduce invoke issue judge justify label lambast lament lay liken list '
        'mention mince mock name note offer oppose order outline paint peg persuade pitch pledge '
        'point portray position post praise preach predict prefer prohibit promise promote '
        'pronounce propose publish pump question quote rank rattle rebuke rebut recall recite '
        'recognize recommend recount reference refuse regard reiterate reject release relish '
        'remember remind repeat report repudiate request restrict retweete reveal rip savage say '
        'seem show signal single slam sound state stress sue suggest talk tell thank tick tout '
        'tweet underscore unveil urge view voice walk warn withdraw witness write'
    ).split()
)

BARE = frozenset(
    (
        'accord accuse acknowledge acquiesce add advocate agree allude anger announce apologize '
        'argue ask assail assure balk believe boast brag call caution champion claim complain '
        'conclude confirm consider criticize cry declare dedicate deem denounce deny describe '
        'disagree disclose dismiss document double dwell echo elaborate endorse envision expect '
        'explain favor hint hop insist intend interpret joke know label lash learn mention muse '
        'name note observe pivot plead point portray praise predict prefer press project push '
        'question rail rattle rebuff recall refer reject remark remember reply report respond '
        'reveal revere say seem shout side spar speculate state suggest surface talk tell think '
        'thrill title touch tweet vouch warn wonder worry write yell'
    ).split()
)

