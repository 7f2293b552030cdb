"""People found in the article itself: who is named, under every form the article uses.

A capitalised run of words is a person when the text says so: a title or role before it ("de Russische
president Vladimir Poetin", "Gov. Ron DeSantis"), a speech verb beside it ("Xi said", "aldus Peskov"), a
possessive on a full name ("Xi Jinping's motorcade"), or the article's metadata (`actors`, `aliases`).
Runs with words of organisations, buildings or programmes, and places of the gazetteer, are not people.
One person answers to the full name, the surname, a role phrase the text ties to the name, and group
words ("de twee leiders", "the crew") resolve to the people the article is about at that point.
Every word comes from the `[people]` sections of the language files; no person is named in code.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..text.langdata import available, load_language, load_toml, norm, places

UPPER = "A-ZÀ-ÖØ-ÞĲŁŠŽ"
WORD = rf"[{UPPER}][^\W\d_]*(?:[-'’][{UPPER}a-zß-ÿ][^\W\d_]*)*"
ROMAN = r"(?:II|III|IV|Jr\.?|Sr\.?)"
BEFORE_REACH = 48           # characters before a name searched for its title
GROUP_WINDOW = 900          # characters before a group word whose people it may mean
PRONOUN_WINDOW = 600        # a plural pronoun ("ze", "they") means only people named this close before
GROUP_MAX = 4
COMPOUND_TITLE = 7           # letters a title needs to end a compound ("voorzitter" in "Kamervoorzitter")
COMPOUND_PART = 5            # letters a compound's last word needs to count ("straat", not "son")
OF_PLACE = re.compile(r"[ \t]+(\w+)[ \t]+([A-ZÀ-Þ][\w-]*(?:[ \t]+[A-ZÀ-Þ][\w-]*)?)")
BESIDE = 150                # characters within which two names are told together
SPACES = re.compile(r"[ \t]*")


@dataclass(frozen=True)
class PeopleWords:
    titles: re.Pattern          # a title at the end of the text before a name
    title_word: re.Pattern      # a whole run of words that is a title ("Prime Minister")
    speech_after: re.Pattern
    speech_before: re.Pattern
    not_person: frozenset
    not_names: frozenset
    run: re.Pattern
    groups: tuple               # (compiled, n)
    possessive: re.Pattern
    determiner: re.Pattern      # an article right before a run: "het Engels" is no person
    particles: frozenset
    honorific: re.Pattern       # "Mr.", "de heer": titles that never stand for a person alone
    inverted: frozenset         # words after a speech verb that make it inverted ("zei hij", "zei de")
    relative: re.Pattern        # ", who": a pronoun only people take
    coordination: re.Pattern    # " and " between two names
    title_of_words: re.Pattern  # "of", "van": a name's country follows
    appositive: re.Pattern      # ", the EBU's executive supervisor": a title set beside the name
    place_prefix: re.Pattern    # "St. John's", "Fort Myers": the name of a place


def _alt(words) -> str:
    return "|".join(sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def people_words() -> PeopleWords:
    """The [people] sections of every language, together: titles and names cross languages."""
    titles, after, before, notp, notn, particles, groups, poss = [], [], [], set(), set(), set(), {}, set()
    dets, prefixes, honorifics, inverted, relatives, of_words, ands = [], [], [], set(), [], [], []
    for code in available():
        data = load_toml(code).get("people", {})
        lang = load_language(code)
        titles += data.get("titles", [])
        after += data.get("speech_after", [])
        before += data.get("speech_before", [])
        notp |= {w.lower() for w in data.get("not_person_words", [])}
        notn |= {w.lower() for w in data.get("not_names", [])}
        # Weekdays and months are capitalised in English but never people.
        notn |= {w for t in ("weekday", "month") for w in lang.words.get(t, {})}
        particles |= set(data.get("particles", []))
        groups.update(data.get("groups", {}))
        dets += data.get("determiners", [])
        prefixes += data.get("place_prefixes", [])
        honorifics += data.get("honorifics", [])
        inverted |= {x.lower() for x in data.get("inverted_subject", [])}
        relatives += data.get("relative_person", [])
        of_words += data.get("title_of", [])
        ands += data.get("and", [])
        if data.get("possessive"):
            poss.add(data["possessive"])
    part = _alt(particles)
    # "Kamervoorzitter", "Vicepremier": a long title also ends a compound
    long_titles = [t for t in titles if len(t) >= COMPOUND_TITLE and "\\" not in t]
    compounding = rf"[^\W\d_]+(?=(?:{_alt(long_titles)})(?!\w))" if long_titles else "(?!)"
    run = re.compile(rf"(?<![\w'’-])(?:{WORD})(?:[ \t]+(?:(?:{part})[ \t]+)*(?:{WORD}|{ROMAN}))*")
    flags = re.IGNORECASE
    return PeopleWords(
        # "PVV-leider", "oud-premier": a title after a hyphenated prefix is still a title.
        # "mayor of Wajima, Shigeru Sakaguchi": a title with the place or body it serves
        titles=re.compile(rf"(?<![\w-])(?:[^\W\d_]+-|{compounding})?(?:{_alt(titles)})"
                          rf"(?:[ \t]+(?:{_alt(of_words) or '(?!)'})[ \t]+(?:(?:{_alt(dets)})[ \t]+)?[{UPPER}][\w-]*)?"
                          rf"[ \t]*,?[ \t]*$", flags),
        title_word=re.compile(rf"(?:[^\W\d_]+-|{compounding})?(?:{_alt(titles)})", flags),
        speech_after=re.compile(rf"[ \t]*,?[ \t]*(?:{_alt(after)})(?!\w)", flags),
        speech_before=re.compile(rf"(?<!\w)(?:{_alt(before)})[ \t]+$", flags),
        not_person=frozenset(notp), not_names=frozenset(notn), run=run,
        # A group is a number of people, or the titles its members hold ("het koningspaar": koning, koningin).
        groups=tuple((re.compile(rf"(?<!\w){g}(?!\w)", flags), n if isinstance(n, list) else int(n))
                     for g, n in groups.items()),
        possessive=re.compile("(?:" + "|".join(poss) + ")") if poss else re.compile("(?!)"),
        determiner=re.compile(rf"(?<!\w)(?:{_alt(dets)})[ \t]+$", flags),
        particles=frozenset(particles), inverted=frozenset(inverted),
        title_of_words=re.compile(rf"(?:{_alt(of_words) or '(?!)'})", flags),
        coordination=re.compile(rf"[ \t]+(?:{_alt(ands) or '(?!)'})[ \t]+", flags),
        relative=re.compile(rf"[ \t]*,[ \t]*(?:{_alt(relatives) or '(?!)'})(?!\w)", flags),
        appositive=re.compile(rf"[ \t]*,[ \t]+(?:{_alt(dets)})[ \t]+(?:\S+[ \t]+){{0,4}}?(?:[^\W\d_]+-)?"
                              rf"(?:{_alt(titles)})(?!\w)", flags),
        honorific=re.compile(rf"(?:{_alt(honorifics) or '(?!)'})", flags),
        place_prefix=re.compile(rf"(?<!\w)(?:{_alt(prefixes) or '(?!)'})[ \t]+$"),
    )


@dataclass
class Person:
    key: str
    names: set = field(default_factory=set)      # names as the text writes them ("Vladimir Poetin")
    aliases: set = field(default_factory=set)    # other forms from the metadata, matched whole


def compound(word: str, parts: frozenset) -> bool:
    """A compound that ends in a word of a place or building ("Hoofdstraat", "Raadhuisplein")."""
    return any(len(p) >= COMPOUND_PART and len(word) > len(p) + 2 and word.endswith(p) for p in parts)


def _strip_possessive(word: str) -> str:
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end):
            return word[: -len(end)]
    return word


class People:
    """The people of one text; `named_in(a, b)` lists who a stretch of it names."""

    def __init__(self, text: str, actors=(), aliases=None):
        self.text = text
        self.w = people_words()
        aliases = dict(aliases or {})
        self.persons: dict[str, Person] = {}
        # Words the text also writes in lower case are common words when capitalised ("Iedereen").
        self.lowered = set(re.findall(r"(?<![\w'’-])[a-zß-ÿ][^\W\d_]*", text))
        self.roles: dict[str, set] = {}           # role phrase (lower case) -> person keys
        self.main = list(actors)                  # the metadata's people come first among equals
        self._find(actors, aliases)
        self._index()

    # ------------------------------------------------------------------ finding people
    def _candidates(self):
        """(start, end, name words, title phrase or '') for every capitalised run."""
        for m in self.w.run.finditer(self.text):
            words, start = m.group(0).split(), m.start()
            # "Welby de St Edward's Crown", "GroenLinks-PvdA van Frans Timmermans": a particle followed
            # by a whole name of two words or more is a preposition between two runs.
            cut = next((i for i in range(1, len(words) - 2) if words[i] in self.w.particles
                        and words[i + 1] not in self.w.particles), None)
            if cut is not None:
                yield from self._candidate(words[:cut], start)
                # "Commissaris van de Koning Jetta Klijnsma": a title after the preposition is not hers
                yield from self._candidate(words[cut + 1:], self.text.index(words[cut + 1], start), titled=False)
                continue
            # "minister Kaag van Financiën": a tail after a particle that is a body or place is not the name
            tail = next((i for i in range(1, len(words) - 1) if words[i] in self.w.particles
                         and any(x.lower() in self.w.not_person or norm(x) in places() for x in words[i + 1:])),
                        None)
            yield from self._candidate(words if tail is None else words[:tail], start)

    def _candidate(self, words: list, start: int, titled: bool = True):
        w, text = self.w, self.text
        title = ""
        # Leading words that are no name: "The", "Toen", "Friday", an acronym with its particles.
        while words and (words[0].lower().rstrip(".") in w.not_names or words[0] in w.particles
                         or words[0].isupper() and len(words[0]) > (1 if len(words) < 2 else 2)):
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
        if not words or w.place_prefix.search(text, max(0, start - 12), start):
            return                # "St. John's", "Fort Myers": a place
        end = text.index(words[-1], start) + len(words[-1])
        # A title inside the run: "President Joe Biden", "Japanese Prime Minister Fumio Kishida".
        for i in range(len(words) - 1, 0, -1):
            head = " ".join(words[:i])
            if w.title_word.fullmatch(words[i - 1]) or w.title_word.fullmatch(head) \
                    or (i >= 2 and w.title_word.fullmatch(" ".join(words[i - 2:i]))):
                title = head
                start = text.index(words[i], start)
                words = words[i:]
                break
        # A possessive ends the name: "Keir Starmer's Labour Party" is Keir Starmer.
        cut = next((i for i, x in enumerate(words) if _strip_possessive(x) != x), None)
        if cut is not None:
            words = words[:cut + 1]
        words[-1] = _strip_possessive(words[-1])
        while len(words) > 1 and re.fullmatch(ROMAN, words[-1]):
            words = words[:-1]            # "Charles III" is Charles
        if not words[-1]:
            return
        # An acronym inside makes it an organisation; initials before a name do not ("JD Vance").
        if any(x.lower() in w.not_person or x.isupper() and len(x) > 1 and (i > 0 or len(x) > 2)
               or compound(x.lower(), w.not_person) for i, x in enumerate(words)):
            return
        known = places()
        if norm(" ".join(words)) in known or any(norm(x) in known for x in words):
            return
        yield start, end, words, title if titled else None

    def _find(self, actors, aliases) -> None:
        w, text = self.w, self.text
        surname_of: dict[str, str] = {}
        runs = list(self._candidates())
        alone = Counter(words[0] for _, _, words, _ in runs if len(words) == 1)
        for canonical in list(actors) + list(aliases):
            p = self.persons.setdefault(canonical, Person(canonical))
            p.names.add(canonical)
            surname_of.setdefault(canonical.split()[-1], canonical)
            for form in aliases.get(canonical, []):
                p.aliases.add(form)
                surname_of.setdefault(form, canonical)
        found = []
        for start, end, words, title in runs:
            before = text[max(0, start - BEFORE_REACH):start]
            role = title or ""
            t = w.titles.search(before) if title == "" else None
            if t:
                # The role phrase with its adjective: "de Russische president" -> "russische president".
                # Only a capitalised adjective belongs to it ("Russische", "Japanese"), not "aan".
                lead = re.search(r"([^\W\d_]+[ \t]+)?$", before[:t.start()])
                adj = (lead.group(1) or "") if lead else ""
                role = (adj if adj[:1].isupper() and adj.strip().lower() not in self.lowered else "") \
                    + t.group(0).strip(" \t,")
            elif w.determiner.search(before) or (len(words) == 1 and words[0].lower() in self.lowered):
                continue        # "in het Engels", "Vanmorgen": a determiner before it, or a common word
            said = w.speech_after.match(text, end)
            if said:
                # "Verder zei hij", "Bijgewerkt zei Trump": with the speaker after the verb, the word before
                # it is no speaker.
                nxt = re.match(r"[ \t]+([^\W\d_]+)", text[said.end():said.end() + 40])
                if nxt and (nxt.group(1)[:1].isupper() or nxt.group(1).lower() in w.inverted):
                    said = None
            cue = bool(role) or bool(said) or bool(w.speech_before.search(before))
            # "Loreen, who won last year", "Martin Österdahl, the EBU's executive supervisor,"
            cue = cue or bool(w.relative.match(text, end)) or bool(w.appositive.match(text, end))
            # "Eden Golan of Israel": a full name followed by the country it stands for
            of = OF_PLACE.match(text, end) if len(words) >= 2 else None
            cue = cue or bool(of and norm(of.group(2)) in places() and w.title_of_words.fullmatch(of.group(1)))
            cue = cue or (len(words) >= 2 and bool(w.possessive.match(text, end)))
            # A first-and-last name whose last name the text also writes alone: "Geert Wilders ... Wilders".
            cue = cue or (2 <= len(words) <= 3 and alone.get(words[-1], 0) >= 1)
            found.append((words, role, cue))
        # "Vera Bergkamp en Jan Anthonie Bruijn": a full name joined to a person's by "and" is a person too.
        for k in range(1, len(found)):
            words, role, cue = found[k]
            prev_cue = found[k - 1][2]
            if not cue and prev_cue and len(words) >= 2 and w.coordination.fullmatch(
                    text, runs[k - 1][1], runs[k][0]):
                found[k] = (words, role, True)
        for words, role, cue in found:
            if not cue:
                continue
            # The key is the last name, unless the article writes only the first one alone ("Xi" of Xi Jinping).
            key = words[-1]
            if len(words) > 1 and not alone.get(words[-1]) and alone.get(words[0], 0) >= 1:
                key = words[0]
            key = surname_of.get(key, surname_of.get(words[-1], key))
            p = self.persons.setdefault(key, Person(key))
            p.names.add(" ".join(words))
            p.names.add(key)
            surname_of.setdefault(words[-1], key)
            if role:
                self.roles.setdefault(" ".join(role.lower().split()), set()).add(key)
                bare = w.title_word.search(role)
                if bare and bare.group(0).lower() != role.lower():
                    # "Japanese prime minister Fumio Kishida" also makes him "the prime minister"
                    self.roles.setdefault(" ".join(bare.group(0).lower().split()), set()).add(key)

    # ------------------------------------------------------------------ where they are named
    def _index(self) -> None:
        forms = {}
        for key, p in self.persons.items():
            for name in p.names:
                forms[name] = key
                forms.setdefault(name.split()[-1], key)     # the surname alone
            for alias in p.aliases:
                forms[alias] = key
                forms[alias[:1].upper() + alias[1:]] = key      # "de president" opens a sentence too
        self.forms = forms
        if forms:
            alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
            self._names = re.compile(rf"(?<![\w-])(?:{alt})(?:['’]s?|s(?=\s))?(?![\w-])")
        else:
            self._names = None
        # A role phrase stands for its person: "de Russische president", "the prime minister"; a bare title
        # several people hold means the one of them named last. Honorifics ("Mr.") never stand alone.
        role_alt = [re.escape(r).replace(r"\ ", r"\s+") for r in sorted(self.roles, key=len, reverse=True)
                    if not self.w.honorific.fullmatch(r)]
        self._roles = re.compile(rf"(?<!\w)(?:{'|'.join(role_alt)})(?!\w)", re.IGNORECASE) if role_alt else None
        self.mentions: list[tuple[int, str]] = []
        if self._names is not None:
            for m in self._names.finditer(self.text):
                self.mentions.append((m.start(), self._key_of(m.group(0))))
        self.count = Counter(k for _, k in self.mentions)
        self._positions = [p for p, _ in self.mentions]

    def _key_of(self, surface: str) -> str:
        s = " ".join(surface.split())
        if s in self.forms:
            return self.forms[s]
        s = _strip_possessive(s)
        return self.forms.get(s) or self.forms.get(s[:-1] if s.endswith("s") else s) or s

    def beside(self, key: str, others: list) -> int:
        """How often `key` is named within a sentence's reach of one of `others`."""
        mine = [p for p, k in self.mentions if k == key]
        theirs = [p for p, k in self.mentions if k in others]
        return sum(1 for p in mine if any(abs(p - q) <= BESIDE for q in theirs))

    def recent(self, pos: int, among) -> str | None:
        """The person of `among` named last before `pos`."""
        i = bisect_left(self._positions, pos) - 1
        while i >= 0:
            if self.mentions[i][1] in among:
                return self.mentions[i][1]
            i -= 1
        return None

    def group_at(self, pos: int, n, pronoun: bool = False) -> tuple:
        """The people a group word at `pos` means: those holding its titles (the one named last for each),
        else those named just before, most named first."""
        if isinstance(n, list):
            # For each title the holder named most often beside the others chosen ("koning Charles III en
            # koningin Camilla"), then the one named most: not the Dutch queen named once.
            held = []
            for t in n:
                owners = sorted(self.roles.get(t.lower(), ()))
                if owners:
                    best = max(owners, key=lambda k: (self.beside(k, held), self.count[k]))
                    if held and self.beside(best, held) < 2:
                        # No holder of the title is told with them: the one the text pairs with them most
                        # ("Charles en Camilla" make het koningspaar even if she is not called koningin).
                        mate = max(sorted(set(self.count) - set(held)), key=lambda k: self.beside(k, held),
                                   default=None)
                        best = mate if mate is not None and self.beside(mate, held) >= 2 else best
                    held.append(best)
            if held:
                return tuple(dict.fromkeys(held))
            n = len(n)
        if n == 0 and not pronoun:
            # "de familie" after "de koninklijke familie": the fuller group phrase with the same head word
            head = self.text[pos:pos + 40].split()[1:2]
            if head:
                earlier = [(m.start(), g) for pattern, g in self.w.groups
                           for m in pattern.finditer(self.text, max(0, pos - 4 * GROUP_WINDOW), pos)
                           if g != 0 and m.group(0).split()[-1].lower() == head[0].lower()]
                if earlier:
                    at, g = max(earlier, key=lambda x: x[0])
                    return self.group_at(at, g)
        if pronoun:
            # "Van de leiders wordt verwacht dat ze ...": a pronoun after a group word means that group.
            back = max(0, pos - PRONOUN_WINDOW)
            groups = [(m.start(), g) for pattern, g in self.w.groups for m in pattern.finditer(self.text, back, pos)
                      if " " in m.group(0).strip()]
            if groups:
                at, g = max(groups, key=lambda x: x[0])
                if "\n" not in self.text[at:pos]:
                    return self.group_at(at, g)
        i = bisect_left(self._positions, pos)
        reach = PRONOUN_WINDOW if pronoun else GROUP_WINDOW
        near = {k for p, k in self.mentions[:i] if pos - p <= reach}
        pool = near if len(near) >= n else set(self.count) | set(self.main)
        ranked = sorted(pool, key=lambda k: (-self.count[k], self.main.index(k) if k in self.main else 99, k))
        return tuple(ranked[: n or GROUP_MAX])

    def named_in(self, start: int, end: int, skip=()) -> tuple:
        """People a stretch of text names, in order of first mention, outside the `skip` spans."""
        found: list[tuple[int, str]] = []
        taken = list(skip)

        def free(a, b):
            return not any(x < b and a < y for x, y in taken)

        if self._names is not None:
            for m in self._names.finditer(self.text, start, end):
                if free(m.start(), m.end()):
                    found.append((m.start(), self._key_of(m.group(0))))
                    taken.append(m.span())
        if self._roles is not None:
            for m in self._roles.finditer(self.text, start, end):
                if not free(m.start(), m.end()):
                    continue
                if self._names is not None and self._names.match(self.text, SPACES.match(self.text, m.end()).end()):
                    continue          # "President Biden": the title of a name, not a reference of its own
                owners = self.roles[" ".join(m.group(0).lower().split())]
                who = next(iter(owners)) if len(owners) == 1 else self.recent(m.start(), owners)
                if who:
                    found.append((m.start(), who))
                    taken.append(m.span())
        # A group word stands for people ("het presidentspaar"); a plural pronoun only where no one is
        # named before it ("waren ze terug op het paleis, waar ... de koning"). The first one counts.
        if self.persons:
            named_at = min((p for p, _ in found), default=end)
            first = min(((m.start(), n, " " not in m.group(0).strip()) for pattern, n in self.w.groups
                         for m in [pattern.search(self.text, start, end)]
                         if m and free(m.start(), m.end()) and (" " in m.group(0).strip() or m.start() < named_at)),
                        default=None)
            if first is not None:
                found.extend((first[0], k) for k in self.group_at(*first))
        out = []
        for _, key in sorted(found, key=lambda x: x[0]):
            if key not in out:
                out.append(key)
        return tuple(out)
