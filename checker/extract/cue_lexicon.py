"""Cue verbs learned from PolNeAR train by benchmarks/learn_cues.py (do not edit by hand;
add words to checker/extract/cues.py instead)."""

WITH_CLAUSE = frozenset(
    (
        'acknowledge add address admit agree allege announce answer appear argue ask assert '
        'assure boast call caution charge claim complain concede conclude confirm consider '
        'contend continue convince declare demonstrate deny describe determine discuss doubt '
        'emphasize estimate expect explain express fear find guess highlight hint hop hope imply '
        'indicate insist joke lament learn maintain mention note offer order point post predict '
        'prefer promise propose provide question read realize recall recognize recommend '
        'reiterate remark remind reply report require respond reveal say seem shoot show signal '
        'speculate state stress suggest suspect tell tweet urge warn wonder worry write'
    ).split()
)

WITH_INFINITIVE = frozenset(
    (
        'agree aim appear argue ask call choose claim decide decline encourage expect hire hop '
        'know like look move offer order persuade pledge prefer press promise propose push refuse '
        'report say seek seem show suggest support tell threaten urge vote vow write'
    ).split()
)

WITH_OBJECT = frozenset(
    (
        'accuse acknowledge advocate anger announce answer applaud appoint approve argue '
        'articulate ask assail attack attribute believe bemoan blame blast broadcast call '
        'challenge champion chant charge cheer chide circulate cite claim coin compare condemn '
        'confirm congratulate contrast criticize declare decry deem defend demand denounce deny '
        'describe detail devote disclose discuss dismiss display dispute distance echo email '
        'emphasize endorse enjoy experience explain express fear foresee hail herald highlight '
        'identify ignore insult issue label lament liken list mention mock name note offer oppose '
        'outline point portray position post praise predict prefer present project promise '
        'propose publish question quote rebuke rebut recall recite recommend recount reference '
        'regard reiterate reject release relish remember remind repeat report repudiate restrict '
        'retweete rip say share show signal slam sound state stress suggest talk tell thank tout '
        'tweet underscore unveil urge view voice warn write'
    ).split()
)

BARE = frozenset(
    (
        'accord accuse acknowledge add advocate agree allude announce apologize argue ask assure '
        'balk boast brag call caution claim comment complain conclude confirm consider criticize '
        'debate declare deem describe disagree disclose dismiss document double dwell echo '
        'endorse expect explain favor hint insist intend interpret joke know lash mention name '
        'note pivot plead point praise prefer press push rail rebuff recall recognize refer '
        'reject remark remember reply report respond reveal say seek seem shout side suggest talk '
        'tell think title touch tweet vouch warn weigh worry write yell'
    ).split()
)

