# Regenerates src/test/resources/broken/<case>/ from examples/tiny, one mistake per case.
# expected.txt files are NOT regenerated: write or review them by hand (drama pack check shows the output).
import os, shutil, sys, zipfile, io
HERE = os.path.dirname(os.path.abspath(__file__))
TINY = os.path.join(HERE, '..', '..', '..', 'examples', 'tiny')
OUT = os.path.join(HERE, '..', 'resources', 'broken')
def files():
    d = {}
    for root, _, fs in os.walk(TINY):
        for f in fs:
            p = os.path.join(root, f)
            d[os.path.relpath(p, TINY)] = open(p, 'rb').read()
    return d
def sub(text, old, new, count=1):
    assert old in text, (old,)
    return text.replace(old, new, count)
cases = {}
def case(name, yaml=None, drop=(), extra=None, zipped=None):
    cases[name] = (yaml, drop, extra, zipped)
Y = open(TINY + '/pack.yaml').read()
case('yaml-syntax', sub(Y, 'title: "Late Opening at Millbrook Day Centre"', 'title: "Late Opening at Millbrook Day Centre'))
case('yaml-bad-indent', sub(Y, '    name: "Tom Bell"', '     name: "Tom Bell"'))
case('yaml-duplicate-key', sub(Y, 'version: 1\n', 'version: 1\nversion: 2\n'))
case('missing-title', sub(Y, 'title: "Late Opening at Millbrook Day Centre"\n', ''))
case('missing-option-label', sub(Y, '    label: "Pay the evening shifts at the overtime rate"\n', ''))
case('bad-pack-id', sub(Y, 'id: tiny', 'id: "tiny pack!"'))
import re
case('bad-character-id', re.sub(r'\bunion\b(?!\.md)', 'union-rep', Y))
case('duplicate-option-id', sub(Y, '\npreferences:', '  - id: protest\n    owner: carers\n    label: "Protest outside the town hall"\n\npreferences:'))
case('unknown-owner', sub(Y, '    owner: union\n', '    owner: unoin\n'))
case('unknown-field', sub(Y, '    statusQuo: false\n    description: "From', '    statusquo: false\n    description: "From'))
case('version-not-number', sub(Y, 'version: 1', 'version: one'))
case('doubts-not-a-list', sub(Y, 'doubts:\n  - {holder: carers, about: manager}\n', 'doubts: {holder: carers, about: manager}\n'))
case('statement-unknown-option', sub(Y, '      - "late -> overtime"', '      - "late -> overtim"'))
case('statement-syntax', sub(Y, '      - "!protest"\n      - "!refuse"\n      - "!overtime"', '      - "!protest"\n      - !refuse & (late\n      - "!overtime"'.replace('!refuse & (late', '"!refuse & (late"')))
case('ranking-arity', sub(Y, '  carers:\n    statements:\n      - "late"\n      - "!protest"', '  carers:\n    ranking:\n      - [true, false, false, false]\n      - [true, false, true]'))
case('ranking-repeated-future', sub(Y, '  carers:\n    statements:\n      - "late"\n      - "!protest"', '  carers:\n    ranking:\n      - [true, false, false, false]\n      - [true, false, true, false]\n      - [true, false, false, false]'))
case('intention-not-owned', sub(Y, '  carers: {protest: true}', '  carers: {protest: true, late: true}'))
case('position-unknown-option', sub(Y, '  union: {late: true, overtime: true, refuse: false}', '  union: {late: true, overtme: true, refuse: false}'))
case('preferences-unknown-character', sub(Y, '  carers:\n    statements:', '  carer:\n    statements:'))
case('missing-briefing-file', drop=('briefings/union.md',))
case('missing-facilitator-file', drop=('facilitator.md',))
case('briefing-outside-pack', sub(Y, 'briefing: briefings/union.md', 'briefing: ../union.md'))
case('inject-unknown-character', sub(Y, 'setPreference: {character: carers,', 'setPreference: {character: carer,'))
case('inject-unknown-option', sub(Y, '["late | trial", "!protest"]', '["late | trail", "!protest"]'))
case('inject-unknown-phase', sub(Y, 'at: "negotiation+15"', 'at: "negociation+15"'))
case('phase-without-duration', sub(Y, '  negotiation: 30\n', '  negotiation:\n'))
case('no-playable-character', sub(sub(sub(Y, '    mandate: "Can change rotas', '    playable: false\n    mandate: "Can change rotas'), '    mandate: "Speaks for', '    playable: false\n    mandate: "Speaks for'), '    mandate: "Can agree rota', '    playable: false\n    mandate: "Can agree rota'))
case('players-min-over-max', sub(Y, 'players: {min: 2, max: 3}', 'players: {min: 3, max: 2}'))
case('players-over-playable', sub(Y, '    mandate: "Can agree rota', '    playable: false\n    mandate: "Can agree rota'))
case('doubt-unknown-character', sub(Y, '{holder: carers, about: manager}', '{holder: carers, about: manger}'))
case('statement-unquoted-not', sub(Y, '      - "!protest"\n      - "!refuse"', '      - !protest\n      - "!refuse"'))
case('tab-indent', sub(Y, '  briefing: 10\n', '\tbriefing: 10\n'))
case('warn-identical-preferences', sub(Y, '  carers:\n    statements:\n      - "late"\n      - "!protest"', '  carers:\n    statements:\n      - "!protest"\n      - "!refuse"\n      - "!overtime"\n      - "late"'))
case('warn-no-preferences', sub(Y, '  carers:\n    statements:\n      - "late"\n      - "!protest"\n', ''),
     extra={'facilitator.md': open(TINY + '/facilitator.md', 'rb').read().replace(b'- rejection: carers -> manager\n', b'')
            .replace(b'- threat: carers\n', b'').replace(b'## Opening dilemmas\n', b'## Opening dilemmas\n- persuasion: manager -> carers\n')})
case('warn-owns-no-options', sub(sub(Y, '\noptions:', '''  - id: press
    name: "Jo Hart"
    description: "Reporter, Millbrook Gazette."
    briefing: briefings/union.md
    playable: false

options:'''), '\npositions:', '''  press:
    statements:
      - "protest"

positions:'''))
case('warn-inject-after-phase', sub(Y, 'at: "negotiation+15"', 'at: "negotiation+45"'))
case('unknown-phase', sub(Y, '  momentOfTruth: 5\n', '  momentoftruth: 5\n'))
case('missing-inject-file', drop=('injects/petition.md',))
case('missing-introduction-file', drop=('introduction.md',))
# zip cases
case('zip-slip', zipped='slip')
case('zip-oversized-file', zipped='big')
# warnings
case('warn-short-briefing', extra={'briefings/union.md': b'# Ann Price\n\nYou are the steward. You want overtime pay for evening shifts.\n'})
case('warn-option-in-no-preferences', sub(Y, '  - id: refuse\n', '  - id: leaflet\n    owner: carers\n    label: "Hand out leaflets at the school gate"\n  - id: refuse\n'))
case('unknown-stance', sub(Y, '    mandate: "Speaks for the forum;', '    stance: bluster\n    mandate: "Speaks for the forum;'))
case('warn-long-label-without-short', sub(Y, '    short: "Overtime pay"\n', '    statusQuo: false\n'))
case('warn-guide-mismatch', extra={'facilitator.md': open(TINY + '/facilitator.md', 'rb').read().replace(b'- threat: union\n', b'- threat: union\n- persuasion: union -> carers\n')})

for n in cases:
    if os.path.exists(os.path.join(OUT, n)):
        for f in os.listdir(os.path.join(OUT, n)):
            if f != "expected.txt":
                p = os.path.join(OUT, n, f)
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
for name, (yaml, drop, extra, zipped) in cases.items():
    fs = files()
    if yaml is not None: fs['pack.yaml'] = yaml.encode()
    for d in drop: del fs[d]
    if extra: fs.update(extra)
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    if zipped:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
            for k, v in sorted(fs.items()):
                z.writestr('tiny/' + k, v)
            if zipped == 'slip':
                z.writestr('tiny/../../evil.md', b'escaped')
            if zipped == 'big':
                pass
        if zipped == 'big':
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
                for k, v in sorted(fs.items()):
                    if k == 'briefings/union.md': v = v + (b'lorem ipsum ' * 30000)
                    z.writestr('tiny/' + k, v)
        open(os.path.join(d, 'pack.zip'), 'wb').write(buf.getvalue())
        continue
    for k, v in fs.items():
        p = os.path.join(d, k)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        open(p, 'wb').write(v)
print(len(cases), 'cases')
