"""Cue verbs learned from PolNeAR train by benchmarks/learn_cues.py (do not edit by hand;
add words to checker/extract/cues.py instead)."""

WITH_CLAUSE = frozenset(
    (
        'acknowledge add address admit agree allege announce answer argue ask assert assure boast '
        'call caution charge claim complain concede conclude confirm contend continue declare '
        'deny describe discuss doubt emphasize estimate explain express fear highlight hint hop '
        'imply indicate insist joke lament learn maintain mention note offer order point post '
        'predict prefer promise propose provide question read recall recommend reiterate remark '
        'reply report respond reveal say shoot show signal speculate state stress suggest suspect '
        'tell tweet urge warn worry write'
    ).split()
)

WITH_INFINITIVE = frozenset(
    (
        'agree appear argue ask call claim decline expect hop look offer order pledge prefer '
        'press promise propose push refuse report say seem show suggest tell threaten urge vow '
        'write'
    ).split()
)

WITH_OBJECT = frozenset(
    (
        'accuse acknowledge announce applaud approve argue articulate assail attribute bemoan '
        'blame blast broadcast call chant cheer chide circulate cite coin confirm congratulate '
        'criticize declare decry deem defend denounce describe detail disclose discuss dismiss '
        'dispute distance echo email emphasize endorse express fear foresee hail herald highlight '
        'label lament liken list mention mock name note outline point portray position praise '
        'prefer promise propose publish question quote rebuke rebut recall recite recount '
        'reference regard reiterate relish remind repeat report repudiate retweete slam state '
        'stress suggest tout unveil urge voice warn'
    ).split()
)

BARE = frozenset(
    (
        'accord accuse acknowledge allude argue assure balk boast brag caution claim complain '
        'conclude confirm criticize debate declare deem disclose dismiss document dwell echo '
        'explain hint intend interpret joke lash mention note pivot plead point praise prefer '
        'rail rebuff recall refer reject remember reply reveal say shout side suggest title tweet '
        'vouch warn write'
    ).split()
)

