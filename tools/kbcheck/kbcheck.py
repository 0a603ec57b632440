#!/usr/bin/env python3
"""Check the knowledge base's people (data/actors/people/*.tsv) against CountryInfo.txt.

CountryInfo (Open Event Data Alliance, CC BY-SA 3.0) is read at run time from the shared folder and only compared
with our data; nothing from it is written anywhere except the discrepancy report (names and dates quoted as evidence).

Checks, for every head of state / government in CountryInfo's <Leaders> blocks in office on or after 1990-01-01 and
every foreign / defence minister in its <Government> blocks (CIA World Leaders, monthly, 2003-01 to 2011-02) of the
states whose ministers we cover (LeaderCoverage.MinisterStates), matching our person by country and name or alias
(accents, spelling and transliteration compared fuzzily; ties go to the person in office at the time):
  MISSING   CountryInfo has the person in office; we have no such person in that country (who we have instead is listed)
  NOROLE    we have the person, but not in an office of that kind overlapping CountryInfo's dates
  OTHERCTRY we have the person only in another country (or CountryInfo files them under the wrong country)
  START/END our start or end date differs from CountryInfo's by more than --days (default 31)
  GAP       months inside CountryInfo's tenure in which our person is not in office (who we have instead)
  LAG       a minister's date differs in the direction and by no more than CIA World Leaders' usual publication lag
  STALE     CountryInfo still has the person in office at its last update, we have a successor (CountryInfo not updated)
  EXTRA     (reverse check) we have a leader / minister in a period CountryInfo covers, CountryInfo does not
Output: one line per discrepancy, COUNTRY<TAB>KIND<TAB>text, sorted; counts on stderr. Nothing is written to disk.

Usage: python3 tools/kbcheck/kbcheck.py [--countryinfo PATH] [--people DIR] [--only leaders|ministers] [--country XXX]
"""
import argparse
import calendar
import datetime as dt
import difflib
import glob
import os
import re
import sys
import unicodedata

D = dt.date
CI_DEFAULT = "/work/shared/data/countryinfo/CountryInfo.120116.txt"
SINCE = D(1990, 1, 1)
STATES = set()
GOV_FROM, GOV_UNTIL = D(2003, 1, 1), D(2011, 2, 28)

MINISTER_STATES = set("""USA GBR FRA DEU RUS CHN JPN IND BRA CAN ITA KOR MEX AUS TUR SAU ZAF IDN ARG UKR ISR IRN PAK AFG IRQ
SYR EGY PSE LBN JOR QAT ARE KWT YEM PRK TWN VNM PHL THA MYS SGP MMR BGD LKA NPL KAZ UZB GEO ARM AZE BLR POL ESP NLD BEL SWE
NOR FIN DNK CHE AUT GRC HUN CZE ROU SRB NGA ETH KEN LBY SDN DZA MAR VEN COL CHL CUB NZL IRL PRT""".split())

# CountryInfo blocks that hold more than one of our states (historic states, successor states)
CODE_GROUPS = {"RUS": {"RUS", "SUN"}, "DEU": {"DEU", "DDR"}, "SRB": {"SRB", "YUG", "SCG", "KSV"},
               "MNE": {"MNE", "YUG", "SCG"}, "CZE": {"CZE", "CSK"}, "SVK": {"SVK", "CSK"}, "YEM": {"YEM"},
               "BIH": {"BIH", "YUG"}, "HRV": {"HRV", "YUG"}, "SVN": {"SVN", "YUG"}, "MKD": {"MKD", "YUG"}}

LEADER_TITLES = ["President", "Prime Minister", "Monarch", "King", "Queen", "Emir", "Sultan", "Emperor", "Grand Duke",
                 "Prince", "Supreme Leader", "Chancellor", "Premier", "Taoiseach", "Head of State", "Head of Government",
                 "Chief Executive", "Chief Adviser", "State Counsellor"]
HOG_TITLES = {"Prime Minister", "Premier", "Chancellor", "Taoiseach", "Head of Government", "Chief Executive",
              "Chief Adviser", "State Counsellor"}

# <Leaders> sub-blocks that are not heads of state or government of the country itself
SKIP_TAG = re.compile(r"governor|administrator|commissioner|\bresident|british resid|cabinet chiefs|communist|league of communists|vice|first secretar|"
                      r"general secretar|secretaries of the central|political bureau|representative|national assembly|"
                      r"people'?s_?congress|standing committee|supreme commanders|civil administrators|mprp|"
                      r"leader of government business|leaders of government business|ministers of state|"
                      r"lieutenant|syndic|presidents of the people'?s_assembly|chairmen of the rada|"
                      r"chairman of the supreme soviet|chairmen of the supreme soviet", re.I)
HOG_TAG = re.compile(r"prime|premier|chancellor|head(s)? of government|council of ministers|chief minister|"
                     r"executive yuan|government leaders|chiefs of government|cabinet|kalon|federal executive|"
                     r"executive council|people'?s_commissars|operative management|general people'?s_committee", re.I)


def is_leader_title(t):
    for p in ("Acting ", "Interim ", "Caretaker "):
        if t.startswith(p):
            t = t[len(p):]
            break
    return t in LEADER_TITLES


def leader_kind(t):
    for p in ("Acting ", "Interim ", "Caretaker "):
        if t.startswith(p):
            t = t[len(p):]
    return "HOG" if t in HOG_TITLES else "HOS"


def senior(t):
    return not (t.startswith(("Deputy", "Vice", "Minister of State", "State Secretary", "Under", "Assistant",
                              "Parliamentary", "Shadow")) or "Committee" in t or "Spokes" in t)


def is_foreign(t):
    return senior(t) and ("Foreign" in t or "External Affairs" in t or "International Relations" in t
                          or t in ("Secretary of State", "Acting Secretary of State"))


def is_defence(t):
    return t in ("Minister of State for Defense", "Minister of State for Defence Affairs") or (
        senior(t) and ("Defence" in t or "Defense" in t or t in ("Minister of the Armed Forces", "Minister of Armed Forces")))


# ---------------------------------------------------------------- names

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l").replace("đ", "d").replace("ı", "i")
    s = re.sub(r"[_\-'’.,()`]", " ", s.lower())
    toks = [t for t in s.split() if t not in ("sir", "dr", "sheikh", "shaikh", "al", "el", "ibn", "bin", "ben", "de",
                                               "da", "dos", "van", "von", "der", "le", "la", "di", "y", "jr", "general",
                                               "gen", "col", "mohammed", "muhammad", "mohamed", "mohammad", "muhammed")]
    return toks


def tok_sim(a, b):
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.9 if a[0] == b[0] else 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


def name_score(ta, tb):
    """Similarity of two token lists: every token of the shorter one must match a distinct token of the longer one
    (initials match a word with that first letter), and at least one whole word must match a whole word."""
    if not ta or not tb:
        return 0.0
    if "".join(ta) == "".join(tb):
        return 1.0
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    used, sims, whole = set(), [], 0.0
    for s in sorted(short, key=len, reverse=True):
        best, bj = 0.0, None
        for j, l in enumerate(long_):
            if j in used:
                continue
            v = tok_sim(s, l)
            if v > best:
                best, bj = v, j
        if bj is None or best < 0.75:
            return 0.0
        used.add(bj)
        sims.append(best)
        if len(s) > 1 and len(long_[bj]) > 1:
            whole = max(whole, best if len(s) >= 4 else best - 0.1)
    if whole < 0.85:
        return 0.0
    score = sum(sims) / len(sims)
    if len(short) == 1:
        score -= 0.1  # a single matching token (surname only) is weaker
    return score


# ---------------------------------------------------------------- dates

def ci_date(s, end=False):
    y, m, d = int(s[:4]), int(s[4:6]), int(s[6:8])
    if m == 0:
        m, d = (12, 31) if end else (1, 1)
    last = calendar.monthrange(y, m)[1]
    if d == 0 or d > last:
        d = last if (end or d > last) else 1
    return D(y, m, d)


def our_date(s, end=False):
    """(lo, hi) of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    p = [int(x) for x in s.split("-")]
    if len(p) == 1:
        return D(p[0], 1, 1), D(p[0], 12, 31)
    if len(p) == 2:
        return D(p[0], p[1], 1), D(p[0], p[1], calendar.monthrange(p[0], p[1])[1])
    return D(*p), D(*p)


def dist(day, lohi):
    lo, hi = lohi
    if lo <= day <= hi:
        return 0
    return (lo - day).days if day < lo else (day - hi).days


# ---------------------------------------------------------------- our data

class Role:
    __slots__ = ("name", "code", "title", "start", "end", "s_lo", "e_hi", "file", "line")

    def __init__(self, name, code, title, start, end, file, line):
        self.name, self.code, self.title, self.start, self.end, self.file, self.line = name, code, title, start, end, file, line
        self.s_lo = our_date(start)[0]
        self.e_hi = our_date(end)[1] if end else D(2099, 1, 1)

    def on(self, day):
        return self.s_lo <= day <= self.e_hi

    def where(self):
        return f"{os.path.basename(self.file)}:{self.line}"

    def __str__(self):
        return f"{self.name} {self.code} {self.title} {self.start}..{self.end or ''} ({self.where()})"


def load_people(folder):
    roles, forms = [], {}
    for f in sorted(glob.glob(os.path.join(folder, "*.tsv"))):
        with open(f, encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                c = line.split("\t")
                if len(c) < 3:
                    continue
                name = c[0]
                forms.setdefault(name, {tuple(norm(name))})
                if c[1] == "role" and len(c) >= 5:
                    roles.append(Role(name, c[2], c[3], c[4], c[5] if len(c) > 5 and c[5] else None, f, i))
                elif c[1] == "alias":
                    forms[name].add(tuple(norm(c[2])))
    return roles, forms


# ---------------------------------------------------------------- CountryInfo

class CiTerm:
    def __init__(self, country, names, kind, tag, start, end, open_start=False, open_end=False):
        self.country, self.names, self.kind, self.tag = country, names, kind, tag
        self.start, self.end, self.open_start, self.open_end = start, end, open_start, open_end

    def label(self):
        s = "<" if self.open_start else ""
        e = ">" if self.open_end else ""
        return f"{self.names[0]} [{self.tag}] {s}{self.start}..{self.end}{e}"


DATE_RANGE = re.compile(r"\[\s*(\d{8})\s*-\s*(\d{8})\s*\]|\[\s*>\s*(\d{8})\s*\]|\[\s*<\s*(\d{8})\s*\]")
GOV_BRACKET = re.compile(r"\[\s*([A-Z]{3}[A-Z]*)\s+(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))\s*\]")


FOREIGN_CI = re.compile(r"^(acting )?(minister (of|for) (the )?foreign( and european| and commonwealth)? affairs|foreign minister|"
                        r"foreign secretary|secretary of (state for )?foreign|minister of external affairs|minister of foreign"
                        r" (relations|affairs)|minister of international relations|minister (of|for) foreign affairs|"
                        r"secretary of state$|secretary of foreign)", re.I)
DEFENCE_CI = re.compile(r"^(acting )?(minister (of|for) (the )?(national )?defen[cs]e|"
                        r"secretary (of|for) (state for )?(the )?(national )?defen[cs]e|"
                        r"defen[cs]e minister|defen[cs]e secretary|minister of (the )?(people'?s )?armed forces)", re.I)


def ci_minister_kind(title):
    t = title.strip().strip('"')
    if re.match(r"secretary of state for foreign affairs", t, re.I):
        return None  # a junior minister (Morocco, France, Spain); the British title names the Commonwealth
    low = t.lower()
    if FOREIGN_CI.search(t) and not any(x in low for x in ("foreign trade", "foreign economic", "foreign employment",
                                                             "foreign cooperation", "foreign investment")):
        return "FOR"
    if DEFENCE_CI.search(t) and not any(x in low for x in ("production", "industry", "material", "personnel",
                                                           "veterans", "procurement")):
        return "DEF"
    return None


def ci_names(s):
    names = re.findall(r"\{([^}]*)\}", s)
    if not names:
        m = re.match(r"\s*([A-Z0-9_'.\-]+)", s.upper())
        names = [m.group(1)] if m else []
    return [n.strip("_").replace("_", " ") for n in names if n.strip("_")]


def country_code(raw):
    codes = re.findall(r"([A-Z]{3,6})\s*[<>]", raw) or [raw.strip()]
    return codes[-1].strip()


def load_ci(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    leaders, ministers = [], []
    for block in text.split("<Country>")[1:]:
        m = re.search(r"<CountryCode>(.*?)</CountryCode>", block)
        if not m:
            continue
        code = country_code(m.group(1))
        code = {"TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}.get(code, code)
        if len(code) != 3 or (STATES and code not in STATES):
            continue
        lm = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        if lm:
            tag = None
            for line in lm.group(1).splitlines():
                s = line.split("#", 1)[0].strip() if not line.strip().startswith("{") else line.strip()
                if not s:
                    continue
                t = re.match(r"<(/?)([^>]*)>", s)
                if t:
                    tag = None if t.group(1) else t.group(2)
                    continue
                if tag is None or SKIP_TAG.search(tag):
                    continue
                names = ci_names(s.split("[", 1)[0])
                kind = "HOG" if HOG_TAG.search(tag) else "HOS"
                for r in DATE_RANGE.finditer(s):
                    if r.group(1):
                        st, en, oe = ci_date(r.group(1)), ci_date(r.group(2), True), False
                    elif r.group(3):
                        st, en, oe = ci_date(r.group(3)), D(2011, 1, 1), True
                    else:
                        continue
                    if en < SINCE or not names:
                        continue
                    leaders.append(CiTerm(code, names, kind, tag, st, en, False, oe))
        gm = re.search(r"<Government>(.*?)</Government>", block, re.S)
        if gm and code in MINISTER_STATES:
            for line in gm.group(1).splitlines():
                s = line.strip()
                if not s or s.startswith("#") or "#" not in s:
                    continue
                body, titles = s.split("#", 1)
                titles = [x.strip() for x in titles.split("&")]
                brackets = list(GOV_BRACKET.finditer(body))
                names = ci_names(body.split("[", 1)[0])
                if not brackets or not names:
                    continue
                if len(titles) == len(brackets):
                    pairs = list(zip(brackets, titles))
                elif len(titles) == 1:
                    pairs = [(b, titles[0]) for b in brackets]
                else:
                    # titles follow the distinct codes in order when counts differ
                    dcodes = list(dict.fromkeys(b.group(1) for b in brackets))
                    if len(dcodes) != len(titles):
                        continue
                    pairs = [(b, titles[dcodes.index(b.group(1))]) for b in brackets]
                for b, title in pairs:
                    kind = ci_minister_kind(title)
                    if kind is None:
                        continue
                    if b.group(2):
                        st, en, os_, oe = ci_date(b.group(2)), ci_date(b.group(3), True), False, False
                    elif b.group(4):
                        st, en, os_, oe = ci_date(b.group(4)), GOV_UNTIL, False, True
                    else:
                        st, en, os_, oe = GOV_FROM, ci_date(b.group(5), True), True, False
                    ministers.append(CiTerm(code, names, kind, title, st, en, os_, oe))
    return leaders, ministers


def merge_ci(terms, gap=62, by_kind=True):
    """CountryInfo's monthly lists leave one-month holes (a missing issue): join a person's terms in one office.
    For leaders (by_kind False) join a person's back-to-back terms in renamed or successive offices (gap in days)."""
    terms = sorted(terms, key=lambda t: (t.country, t.kind if by_kind else "", norm(t.names[0])[-1:], t.start))
    out = []
    for t in terms:
        p = out[-1] if out else None
        if p and p.country == t.country and (p.kind == t.kind or not by_kind) \
                and name_score(norm(p.names[0]), norm(t.names[0])) >= 0.85 and (t.start - p.end).days <= gap:
            if p.kind != t.kind:
                p.kind, p.tag = "ANY", p.tag + "+" + t.tag
            if t.end > p.end:
                p.end, p.open_end = t.end, t.open_end
            continue
        out.append(t)
    return out


# ---------------------------------------------------------------- checking

def spans(roles):
    """Join a person's contiguous roles (acting then elected, renamed office) into spans."""
    roles = sorted(roles, key=lambda r: r.s_lo)
    out = []
    for r in roles:
        if out and (r.s_lo - out[-1][1]).days <= 2:
            if r.e_hi > out[-1][1]:
                out[-1][1] = r.e_hi
                out[-1][3] = r
            out[-1][4].append(r)
        else:
            out.append([r.s_lo, r.e_hi, r, r, [r]])
    return out


def month_days(a, b):
    d = D(a.year, a.month, 1)
    if d < a:
        d = D(a.year + (a.month == 12), a.month % 12 + 1, 1)
    while d <= b:
        yield d
        d = D(d.year + (d.month == 12), d.month % 12 + 1, 1)


def ranges_of(days):
    """[(first, last)] of consecutive month days."""
    out = []
    for d in days:
        if out and (d - out[-1][1]).days <= 31:
            out[-1][1] = d
        else:
            out.append([d, d])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--countryinfo", default=CI_DEFAULT)
    ap.add_argument("--people", default=os.path.join(os.path.dirname(__file__), "..", "..", "data", "actors", "people"))
    ap.add_argument("--only", choices=["leaders", "ministers"])
    ap.add_argument("--country")
    ap.add_argument("--days", type=int, default=31, help="date differences told (default 31 days)")
    ap.add_argument("--lag", type=int, default=183, help="CIA World Leaders lag allowed for ministers (default 183 days)")
    args = ap.parse_args()

    roles, forms = load_people(args.people)
    states_path = os.path.join(args.people, "..", "states.tsv")
    for line in open(states_path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            STATES.add(line.split("\t")[0])
    ci_leaders, ci_ministers = load_ci(args.countryinfo)
    ci_ministers = merge_ci(ci_ministers)
    ci_leaders = merge_ci(ci_leaders, gap=3, by_kind=False)
    by_person = {}
    for r in roles:
        by_person.setdefault(r.name, []).append(r)
    # name index: first-token-independent, so build a list of (forms, name)
    people = [(name, [list(x) for x in f]) for name, f in forms.items() if name in by_person]
    by_country = {}
    for name, fs in people:
        for c in {r.code[:3] for r in by_person[name]}:
            by_country.setdefault(c, []).append((name, fs))
    memo = {}

    def match(ci_names, countries, when=None):
        """Best (score, name) among our people with a role in one of the countries; ties go to the person with a
        role there overlapping `when` (start, end)."""
        key = (tuple(ci_names), tuple(sorted(countries)) if countries else None, when)
        if key in memo:
            return memo[key]
        best = (0.0, None)
        pool = people if countries is None else [p for c in sorted(countries) for p in by_country.get(c, [])]
        tcs = [norm(cn) for cn in ci_names]
        for name, fs in pool:
            for tc in tcs:
                for f in fs:
                    s = name_score(tc, f)
                    if s and when and countries and any(r.code[:3] in countries and r.s_lo <= when[1] and r.e_hi >= when[0]
                                                         for r in by_person[name]):
                        s += 0.05
                    if s > best[0]:
                        best = (s, name)
        memo[key] = best if best[0] >= 0.8 else (best[0], None)
        return memo[key]

    report = []

    def emit(kind, country, msg):
        report.append((country, kind, msg))

    def office_roles(name, group, kind):
        rs = [r for r in by_person.get(name, []) if r.code[:3] in group]
        if kind not in ("FOR", "DEF"):
            rs = [r for r in rs if r.code[3:] == "GOV" and is_leader_title(r.title)]
        elif kind == "FOR":
            rs = [r for r in rs if is_foreign(r.title)]
        else:
            rs = [r for r in rs if is_defence(r.title)]
        return rs

    def holders(group, kind, day, exclude):
        out = set()
        for r in roles:
            if r.code[:3] not in group or r.name == exclude or not r.on(day):
                continue
            if kind not in ("FOR", "DEF"):
                if r.code[3:] == "GOV" and is_leader_title(r.title) and kind in ("ANY", leader_kind(r.title)):
                    out.add(f"{r.name} ({r.title})")
            elif kind == "FOR" and is_foreign(r.title):
                out.add(r.name)
            elif kind == "DEF" and is_defence(r.title):
                out.add(r.name)
        return sorted(out)

    matched_roles = set()
    work = []
    if args.only != "ministers":
        work += [(t, "L") for t in ci_leaders]
    if args.only != "leaders":
        work += [(t, "M") for t in ci_ministers]
    for t, what in work:
        if args.country and t.country != args.country:
            continue
        group = CODE_GROUPS.get(t.country, {t.country})
        start = max(t.start, SINCE)
        score, name = match(t.names, group, (start, t.end))
        if name is None:
            s2, other = match(t.names, None)
            if other:
                where = sorted({r.code + " " + r.title for r in by_person[other]})
                emit("OTHERCTRY", t.country, f"CI {t.label()}: we have {other} only as {'; '.join(where)}")
                continue
            who = set()
            for d in [start] + list(month_days(start, min(t.end, D(2011, 2, 1)))):
                who.update(holders(group, t.kind, d, None))
            emit("MISSING", t.country, f"CI {t.label()}: no such person; we have {', '.join(sorted(who)) or 'nobody'}")
            continue
        rs = office_roles(name, group, t.kind)
        for r in rs:
            matched_roles.add(id(r))
        # leaders: prefer roles of the same kind (president vs prime minister); fall back to any leader role
        # (leaders: any of the person's leader roles there; offices are renamed and merged too often to insist on
        # president vs prime minister)
        rs_k = rs
        sp = [s for s in spans(rs_k) if s[0] <= t.end and s[1] >= start]
        if not sp:
            other = sorted({f"{r.code} {r.title} {r.start}..{r.end or ''}" for r in by_person[name]})
            emit("NOROLE", t.country, f"CI {t.label()}: we have {name} as {'; '.join(other)}")
            continue
        # CIA World Leaders (the <Government> blocks) is monthly and often months late: a minister appears and
        # disappears up to about half a year after the change. Such differences are told as LAG, not START/END.
        lag = lambda later, days: what == "M" and later and days <= args.lag
        same = [r for r in rs_k if what == "M" or t.kind == "ANY" or leader_kind(r.title) == t.kind]

        def nearest(day, attr):
            best = None
            for r in rs_k:
                v = getattr(r, attr)
                d = dist(day, our_date(v)) if v else (0 if day >= r.s_lo else 99999)
                if best is None or d < best[0]:
                    best = (d, r)
            return best

        if not t.open_start and t.start >= SINCE and not (what == "M" and t.start <= D(2003, 1, 31)):
            d0, r0 = nearest(t.start, "start")
            earlier = t.start - dt.timedelta(days=args.days)
            # already in office before CountryInfo's start: told only when in an office of the same kind
            held = [r for r in rs_k if r.on(earlier)]
            if d0 > args.days and (not held or any(r.on(earlier) for r in same)):
                emit("LAG" if lag(t.start > r0.s_lo, d0) else "START", t.country,
                     f"CI {t.label()}: ours {r0} differs by {d0} days")
        if not t.open_end:
            later = t.end + dt.timedelta(days=args.days)
            ends = [r for r in rs_k if r.end]
            d1, r1 = min(((dist(t.end, our_date(r.end)), r) for r in ends), key=lambda x: x[0], default=(99999, None))
            held = [r for r in rs_k if r.on(later)]
            if d1 > args.days and (not held or any(r.on(later) for r in same)):
                if held and any(r.end is None for r in held):
                    emit("END", t.country, f"CI {t.label()}: ours {[r for r in held if r.end is None][0]} is still in office")
                elif r1 is not None:
                    r1 = next((r for r in same if r.on(later)), r1)
                    d1 = dist(t.end, our_date(r1.end)) if r1.end else d1
                    emit("LAG" if lag(t.end > r1.e_hi, d1) else "END", t.country,
                         f"CI {t.label()}: ours {r1} differs by {d1} days")
        # gaps inside CountryInfo's tenure (on the first of each month)
        gap = [d for d in month_days(start, t.end) if not any(s[0] <= d <= s[1] for s in sp)]
        for a, b in ranges_of(gap):
            if (a == D(start.year, start.month, 1) or b >= D(t.end.year, t.end.month, 1)) and len(gap) <= 1:
                continue  # already told by START/END
            who = holders(group, t.kind if what == "M" else t.kind, a, name)
            if what == "M" and b == gap[-1] and (b - a).days <= args.lag and who and b >= D(t.end.year, t.end.month, 1) - dt.timedelta(days=31):
                emit("LAG", t.country, f"CI {t.label()}: {name} left office before {a}; we have {', '.join(who)}")
                continue
            if t.open_end and b == gap[-1] and b >= D(t.end.year, t.end.month, 1) - dt.timedelta(days=31) and who:
                # CountryInfo not updated after the person left office: someone else holds it in our data
                emit("STALE", t.country, f"CI {t.label()}: {name} left office before {a}; we have {', '.join(who)}")
                continue
            emit("GAP", t.country, f"CI {t.label()}: {name} not in office {a}..{b}; we have {', '.join(who) or 'nobody'}")

    # reverse check: our leaders / ministers in periods CountryInfo covers that it does not have
    ci_by_country = {}
    for t, what in work:
        for c in CODE_GROUPS.get(t.country, {t.country}):
            ci_by_country.setdefault((c, what), []).append(t)
    for r in roles:
        if args.country and r.code[:3] != args.country:
            continue
        if r.code[3:] == "GOV" and is_leader_title(r.title) and args.only != "ministers":
            what, lo, hi = "L", SINCE, D(2009, 6, 30)
        elif (is_foreign(r.title) or is_defence(r.title)) and r.code[:3] in MINISTER_STATES and args.only != "leaders":
            what, lo, hi = "M", GOV_FROM, GOV_UNTIL
        else:
            continue
        if r.e_hi < lo or r.s_lo > hi or id(r) in matched_roles:
            continue
        cands = ci_by_country.get((r.code[:3], what))
        if not cands:
            continue
        kind = None if what == "L" else ("FOR" if is_foreign(r.title) else "DEF")
        ok = False
        for t in cands:
            if kind and t.kind != kind:
                continue
            if t.start <= r.e_hi and t.end >= r.s_lo and any(name_score(norm(n), list(f)) >= 0.8 for n in t.names for f in forms[r.name]):
                ok = True
                break
        if not ok:
            days = (min(r.e_hi, D(2011, 2, 28)) - r.s_lo).days
            emit("EXTRA", r.code[:3], f"ours {r} ({days} days) not found in CI for that period")

    report.sort()
    counts = {}
    for c, k, m in report:
        counts[k] = counts.get(k, 0) + 1
        print(f"{c}\t{k}\t{m}")
    print("# " + " ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f" total {len(report)}", file=sys.stderr)


if __name__ == "__main__":
    main()
