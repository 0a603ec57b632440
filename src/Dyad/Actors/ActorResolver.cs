using Dyad.Actors.Names;
using Dyad.Documents;
using Dyad.Knowledge;
using Dyad.Pipeline;

namespace Dyad.Actors;

/// <summary>
/// Finds actor mentions by longest match against the knowledge base and resolves each to a CAMEO actor code valid on
/// the article's date. Composes country words with office words ("Mexican Foreign Secretary" MEXGOV, "Russian troops"
/// RUSMIL, "the president of France" FRAGOV), takes a known person's role on the date ("Antony Blinken" USAGOV in 2022),
/// follows a title with the holder's name ("Mexico Foreign Secretary Marcelo Ebrard"), and resolves later mentions of a
/// person by surname within the article.
/// </summary>
public sealed class ActorResolver : IPipelineComponent
{
    private readonly KnowledgeBase _kb;
    private readonly NameFinder _names;

    public ActorResolver(KnowledgeBase? kb = null)
    {
        _kb = kb ?? KnowledgeBase.Default;
        _names = ReferenceEquals(_kb, KnowledgeBase.Default) ? NameFinder.Default : new NameFinder(_kb);
    }

    public string Name => "actors";
    public Annotation Requires => Annotation.Tokens | Annotation.Sentences;
    public Annotation Provides => Annotation.Actors;

    public KnowledgeBase KnowledgeBase => _kb;

    public void Process(Document doc)
    {
        var date = doc.Article.Published ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var seen = new List<(string Surname, string Name, ActorMention Mention)>();
        var guesses = new HashSet<int>();   // tokens of people known only by a unique surname in the knowledge base
        var memory = new NameMemory();
        var names = new List<NameSpan>();
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            var words = doc.Words(s.FirstToken, s.TokenCount);
            var options = IsShouting(words) ? MatchOptions.IgnoreCase : MatchOptions.None;
            bool titleCase = IsTitleCase(words);
            int sentenceStart = doc.Mentions.Count;
            int i = 0;
            while (i < words.Length)
            {
                var mention = ResolveAt(doc, si, s, words, i, options, titleCase, date, seen, guesses);
                if (mention is null)
                {
                    i++;
                    continue;
                }
                doc.Mentions.Add(mention);
                i = mention.EndToken - s.FirstToken;
            }
            if (HasPlaceNextToCapital(doc, s, sentenceStart))
            {
                names.Clear();
                _names.Find(words, default, names, memory);
                PlacesInsideNames(doc, si, s, sentenceStart, names);
            }
            ShareCoordinatedOffice(doc, s, sentenceStart);
            NameAppositives(doc, si, s, sentenceStart, seen, guesses);
        }
        if (guesses.Count > 0) RetractContradictedGuesses(doc, guesses);
        doc.MarkDone(Annotation.Actors);
    }

    /// <summary>
    /// A headline's bare "Howard" taken for the one officeholder of that name (John Howard) is retracted, with the
    /// one-word mentions that refer back to it, when the article later names "Michael Howard": another person.
    /// </summary>
    private void RetractContradictedGuesses(Document doc, HashSet<int> guesses)
    {
        var mentions = doc.Mentions;
        foreach (int g in guesses)
        {
            string surname = doc.Word(g);
            var guess = MentionAt(mentions, g);
            if (guess?.Entity is not { } name || _kb.FindPerson(name) is not { } holder) continue;
            if (OtherFirstNameInArticle(doc, surname, holder, doc.TokenCount) is null) continue;
            for (int k = mentions.Count - 1; k >= 0; k--)
            {
                var m = mentions[k];
                if (m.TokenCount == 1 && m.Entity == name)
                {
                    doc.Note(doc.SentenceOf(m.FirstToken), Name, $"'{doc.Word(m.FirstToken)}' is not {name}: the article names another {surname}");
                    mentions.RemoveAt(k);
                }
            }
        }
    }

    /// <summary>"Michael Howard" after "John Howard": a capitalised first name before the surname that is not the
    /// earlier person's.</summary>
    private bool OtherFirstName(ReadOnlySpan<string> words, int i, string name)
    {
        if (i <= 0) return false;   // at the sentence start the word before is no first name
        var before = words[i - 1];
        return LooksLikeGivenName(before) && !name.StartsWith(before, StringComparison.Ordinal)
            && !name.Contains(" " + before + " ", StringComparison.Ordinal);
    }

    /// <summary>A capitalised word that can be a first name: not an honorific, a function or calendar word, a title,
    /// or a word the knowledge base knows as an actor ("But", "Yesterday", "Minister", "Australian").</summary>
    private bool LooksLikeGivenName(string w) =>
        w.Length > 1 && char.IsUpper(w[0]) && char.IsLower(w[^1]) && !IsHonorific(w)
        && (Names.NameLexicon.Flags(w) & (Names.WordFlags.Stop | Names.WordFlags.Calendar | Names.WordFlags.Title)) == 0
        && _kb.Match([w], 0, EntryKinds.Actors).IsEmpty;

    /// <summary>
    /// The first name of another person with this surname in the article before token <paramref name="until"/>
    /// ("Michael" of "Michael Howard" against John Howard), or null. A sentence's first word, and any word of a Title
    /// Case headline ("Blinken Meets Xi In Beijing"), is no evidence of a first name.
    /// </summary>
    private string? OtherFirstNameInArticle(Document doc, string surname, Person holder, int until)
    {
        for (int t = 1; t < until; t++)
        {
            if (doc.Word(t) != surname) continue;
            var before = doc.Word(t - 1);
            var sentence = doc.Sentences[doc.SentenceOf(t)];
            if (sentence.FirstToken != t && LooksLikeGivenName(before) && !NameStartsWith(holder, before)
                && !IsTitleCase(doc.Words(sentence.FirstToken, sentence.TokenCount)))
                return before;
        }
        return null;
    }

    private static ActorMention? MentionAt(List<ActorMention> mentions, int token)
    {
        foreach (var m in mentions)
            if (m.FirstToken <= token && token < m.FirstToken + m.TokenCount) return m;
        return null;
    }

    /// <summary>
    /// "Kang Kyung-wha, South Korea's foreign minister, said": an unknown name set off by a comma before a country's
    /// office takes that office's code, and is remembered for later mentions by surname. The description also wins
    /// over a guess from the surname alone ("Mr Smith, the British ambassador" is not Australia's Stephen Smith).
    /// </summary>
    private void NameAppositives(Document doc, int si, Sentence s, int from, List<(string Surname, string Name, ActorMention Mention)> seen,
        HashSet<int> guesses)
    {
        var mentions = doc.Mentions;
        for (int k = mentions.Count - 1; k >= from; k--)
        {
            var m = mentions[k];
            if (m.Country is null || m.Sectors.Count == 0 || m.Kind == MentionKind.Person || m.Kind == MentionKind.Coreference) continue;
            int comma = m.FirstToken - 1;
            // skip a determiner: "X, the Mexican ambassador"
            if (comma > s.FirstToken && doc.Word(comma) is "the" or "a") comma--;
            if (comma <= s.FirstToken || doc.Word(comma) != ",") continue;
            int end = comma, start = end;
            while (start > s.FirstToken && end - start < 4)
            {
                var w = doc.Word(start - 1);
                if (w.Length < 2 || !char.IsUpper(w[0]) || !char.IsLetter(w[^1])) break;
                start--;
            }
            if (end - start < 2) continue;
            if (k > from && mentions[k - 1].EndToken > start)
            {
                var earlier = mentions[k - 1];
                if (!(earlier.TokenCount == 1 && earlier.FirstToken >= start && guesses.Contains(earlier.FirstToken))) continue; // already an actor
                doc.Note(si, Name, $"'{doc.Word(earlier.FirstToken)}' is described as '{doc.Text.AsSpan(m.Span.Start, m.Span.Length)}': not {earlier.Entity} ({earlier.Code})");
                mentions.RemoveAt(k - 1);
                seen.RemoveAll(x => ReferenceEquals(x.Mention, earlier));
                k--;
                if (k > from && mentions[k - 1].EndToken > start) continue;
            }
            if (_kb.Match(doc.Words(start, end - start), 0, EntryKinds.Actors).Length > 0) continue;
            string name = string.Join(' ', doc.Words(start, end - start).ToArray());
            var person = m with
            {
                FirstToken = start,
                TokenCount = end - start,
                Span = doc.TokensSpan(start, end - start),
                HeadToken = end - 1,
                Kind = MentionKind.Person,
                Entity = name,
                Why = $"'{name}' is described as '{doc.Text.AsSpan(m.Span.Start, m.Span.Length)}'; {m.Why}",
            };
            mentions.Insert(k, person);
            seen.Add((doc.Word(end - 1), name, person));
            doc.Note(si, Name, $"'{name}' -> {person.Code}: {person.Why}");
        }
    }

    /// <summary>
    /// A country or place word inside a longer name is not that country acting: "Israel Folau" and "Paris Hilton"
    /// are people, "Ethiopian Airlines" is a company of Ethiopia. Using the <see cref="NameFinder"/>'s spans, a place
    /// mention inside a person's name is dropped; one that opens an organisation's name takes the organisation's
    /// sector from its last word ("Kenya Airways" KENBUS, "Scottish National Party" GBRPTY) and keeps the country's
    /// code when the kind of organisation is unknown.
    /// </summary>
    private void PlacesInsideNames(Document doc, int si, Sentence s, int from, List<NameSpan> names)
    {
        var mentions = doc.Mentions;
        for (int k = mentions.Count - 1; k >= from; k--)
        {
            var m = mentions[k];
            if (m.Kind is not (MentionKind.Country or MentionKind.CountryAdjective or MentionKind.Capital or MentionKind.City)
                || m.Sectors.Count > 0 || m.Country is null) continue;
            int start = m.FirstToken - s.FirstToken, end = start + m.TokenCount;
            foreach (var n in names)
            {
                if (n.Start > start || n.End < end || n.Length == m.TokenCount) continue;
                if (n.Type == NameType.Person && (n.Evidence & (NameEvidence.KnowledgeBase | NameEvidence.Title | NameEvidence.GivenName | NameEvidence.Memory | NameEvidence.PersonContext)) != 0)
                {
                    doc.Note(si, Name, $"'{doc.Text.AsSpan(m.Span.Start, m.Span.Length)}' is part of the person's name '{Join(doc, s, n)}': not {m.Code}");
                    mentions.RemoveAt(k);
                }
                else if (n.Type == NameType.Organization && n.Start == start && (n.Evidence & NameEvidence.OrganizationCue) != 0)
                {
                    string last = doc.Word(s.FirstToken + n.End - 1);
                    var agents = _kb.FindAgents(last.ToLowerInvariant());
                    string? sector = agents.Count > 0 && agents[0].Country is null ? agents[0].Sector : OrganizationSector(last);
                    if (sector is null) break;   // an organisation of unknown kind: the country word keeps its code
                    if (k + 1 < mentions.Count && mentions[k + 1].FirstToken < s.FirstToken + n.End) break;   // holds another actor
                    string org = Join(doc, s, n);
                    int tok = s.FirstToken + n.Start;
                    mentions[k] = m with
                    {
                        FirstToken = tok,
                        TokenCount = n.Length,
                        Span = doc.TokensSpan(tok, n.Length),
                        HeadToken = tok + n.Length - 1,
                        Code = m.Country + sector,
                        Sectors = Segments(sector),
                        Kind = MentionKind.Organization,
                        Entity = org,
                        Why = $"'{org}' is an organisation of {m.Country} ('{last}' names sector {sector}); {m.Why}",
                    };
                    doc.Note(si, Name, $"'{org}' -> {mentions[k].Code}: {mentions[k].Why}");
                }
                break;
            }
        }
    }

    /// <summary>The CAMEO sector of an organisation named with this last word ("National Party" PTY, "Anti-Doping
    /// Agency" GOV), for words that are too common to be office words everywhere ("party", "post", "times").</summary>
    private static string? OrganizationSector(string last) => last switch
    {
        "Party" => "PTY",
        "Agency" or "Ministry" or "Department" or "Commission" or "Office" => "GOV",
        "Times" or "Post" or "Herald" or "Tribune" or "Television" or "Radio" or "Broadcasting" or "Gazette" => "MED",
        "Corporation" or "Corp" or "Corp." or "Company" or "Co" or "Co." or "Inc" or "Inc." or "Ltd" or "Ltd." or "Airlines" or "Airways" or "Bank" => "BUS",
        "University" or "College" => "EDU",
        "Church" => "REL",
        _ => null,
    };

    /// <summary>Cheap test before running the name finder: a place mention of this sentence touches another capitalised word.</summary>
    private static bool HasPlaceNextToCapital(Document doc, Sentence s, int from)
    {
        var mentions = doc.Mentions;
        for (int k = from; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.Kind is not (MentionKind.Country or MentionKind.CountryAdjective or MentionKind.Capital or MentionKind.City) || m.Sectors.Count > 0) continue;
            int end = m.FirstToken + m.TokenCount;
            if (end < s.EndToken && IsCapitalized(doc.Word(end))) return true;
            if (m.FirstToken > s.FirstToken && IsCapitalized(doc.Word(m.FirstToken - 1))) return true;
        }
        return false;
    }

    private static bool IsCapitalized(string w) => w.Length > 1 && char.IsUpper(w[0]);

    private static string Join(Document doc, Sentence s, NameSpan n) => string.Join(' ', doc.Words(s.FirstToken + n.Start, n.Length).ToArray());

    /// <summary>
    /// "Russian and Ukrainian officials": a country word coordinated with a country + office phrase shares its office
    /// (RUSGOV and UKRGOV, not RUS and UKRGOV).
    /// </summary>
    private static void ShareCoordinatedOffice(Document doc, Sentence s, int from)
    {
        var mentions = doc.Mentions;
        for (int k = mentions.Count - 2; k >= from; k--)
        {
            var a = mentions[k];
            var b = mentions[k + 1];
            if (a.Kind != MentionKind.CountryAdjective || a.Code.Length != 3 || b.Sectors.Count == 0 || b.Country is null) continue;
            if (b.Kind is not (MentionKind.CountryAdjective or MentionKind.Country)) continue;
            int gap = b.FirstToken - a.EndToken;
            if (gap != 1 || doc.Word(a.EndToken) is not ("and" or "or" or ",")) continue;
            string code = a.Code + b.Code[3..];
            mentions[k] = a with
            {
                Code = code,
                Sectors = b.Sectors,
                Why = $"{a.Why}; coordinated with '{doc.Text.AsSpan(b.Span.Start, b.Span.Length)}', sharing its office ({b.Code[3..]})",
            };
        }
    }

    /// <summary>A Title Case headline: four or more words, and nearly every word of letters capitalised, function words included.</summary>
    private static bool IsTitleCase(ReadOnlySpan<string> words)
    {
        int letters = 0, upper = 0;
        foreach (var w in words)
        {
            if (w.Length == 0 || !char.IsLetter(w[0])) continue;
            letters++;
            if (char.IsUpper(w[0])) upper++;
        }
        return letters >= 4 && upper * 10 >= letters * 9;
    }

    private static bool IsShouting(ReadOnlySpan<string> words)
    {
        int letters = 0, upper = 0;
        foreach (var w in words)
        {
            foreach (char c in w)
            {
                if (!char.IsLetter(c)) continue;
                letters++;
                if (char.IsUpper(c)) upper++;
            }
        }
        return letters > 12 && upper * 10 >= letters * 9;
    }

    /// <summary>The pieces of a mention as they are recognised left to right.</summary>
    private struct Parts
    {
        public string? Country;      // ISO3 / CAMEO country
        public string? CountryWhy;
        public string? Sector;       // from an office word or a seat
        public string? AgentWhy;
        public string? Code;         // a full code from an organisation, seat or person role
        public string? Entity;
        public string? Role;
        public MentionKind Kind;
        public string? PersonWhy;
    }

    private ActorMention? ResolveAt(Document doc, int si, Sentence s, ReadOnlySpan<string> words, int i, MatchOptions options,
        bool titleCase, DateOnly date, List<(string Surname, string Name, ActorMention Mention)> seen, HashSet<int> guesses)
    {
        var parts = new Parts();
        int start = i;
        int pos = i;
        bool any = false;
        bool locative = i > 0 && IsLocativePreposition(words[i - 1]);

        // 1. Country words, seats, organisations, people, agents — possibly chained.
        for (int round = 0; round < 4 && pos < words.Length; round++)
        {
            var m = _kb.Match(words, pos, EntryKinds.Actors, options);
            if (m.IsEmpty)
            {
                // "a court in Guyana", "protesters in Cairo": a domestic office or group + in + a place of one country
                // (not troops or refugees, who are often foreign where they are)
                if (any && parts.Sector is not null && parts.Country is null && parts.Code is null && pos + 1 < words.Length && words[pos] == "in"
                    && parts.Sector is "JUD" or "COP" or "LEG" or "GOV" or "OPP" or "CVL" or "EDU" or "MED" or "BUS" or "LAB" or "REL" or "HLH")
                {
                    int at = pos + 1 < words.Length - 1 && words[pos + 1] == "the" ? pos + 2 : pos + 1;   // "in the US"
                    var place = _kb.Match(words, at, EntryKinds.Country | EntryKinds.Capital | EntryKinds.City, options);
                    if (!place.IsEmpty && Pick(place) is var pe && (pe.Country ?? (pe.Code.Value.Length >= 3 ? pe.Code.Value[..3] : null)) is { } where)
                    {
                        parts.Country = where;
                        parts.CountryWhy = $"'{Join(words, at, place.Length)}' places it in {where}";
                        pos = place.End;
                        continue;
                    }
                }
                // "the president of France": agent + of + country
                if (any && parts.Sector is not null && parts.Country is null && pos + 1 < words.Length && words[pos] == "of")
                {
                    var c = _kb.Match(words, pos + 1, EntryKinds.Country, options);
                    if (!c.IsEmpty)
                    {
                        parts.Country = c.First.Country ?? c.First.Code.Value;
                        parts.CountryWhy = $"'{Join(words, pos + 1, c.Length)}' names {parts.Country}";
                        pos = c.End;
                        continue;
                    }
                }
                break;
            }
            var e = Pick(m);
            if (!any && m.Length == 1 && e.Kind is EntryKind.Country or EntryKind.Capital && LooksLikeFirstName(words, m.End))
            {
                // "Chad Smith", "Jordan Henderson", "Georgia Meloni": a country or city name used as a first name.
                doc.Note(si, Name, $"'{words[pos]}' is followed by '{words[m.End]}': a first name, not {e.Code}");
                return null;
            }
            bool took = Apply(ref parts, e, words, m, date, locative && !any);
            if (!took) break;
            any = true;
            pos = m.End;
            // possessive: "South Korea's foreign minister"
            if (pos < words.Length && words[pos] is "'s" or "\u2019s" or "'" && e.Kind is EntryKind.Country or EntryKind.Organization) pos++;
            if (parts.Code is not null && parts.Kind == MentionKind.Person) break;
        }

        // 2. A title followed by the holder's name: "Foreign Secretary Marcelo Ebrard", "Secretary of State Antony J. Blinken".
        if (any && parts.Kind != MentionKind.Person && parts.Sector is not null)
        {
            int nameEnd = CapitalizedRun(words, pos);
            // In a Title Case headline every word is capitalised: only a known person's name follows the title
            // ("Kenya Airways Suspends Flights To Somalia" holds no name).
            if (titleCase && nameEnd > pos && _kb.FindPerson(Join(words, pos, nameEnd - pos)) is null) nameEnd = pos;
            if (nameEnd > pos)
            {
                string name = Join(words, pos, nameEnd - pos);
                parts.Entity = name;
                var known = _kb.FindPerson(name);
                if (known is null && UniqueOfficeholder(words[nameEnd - 1], date, parts.Country) is { } holder
                    && TitledSurnameFits(words, pos, nameEnd, holder, date, parts))
                    known = holder;
                if (known is not null && KnowledgeBase.RoleOn(known, date) is { } role
                    && (parts.Country is null || role.Code.Value.StartsWith(parts.Country, StringComparison.Ordinal)))
                {
                    parts.Entity = known.Name;
                    parts.Code = role.Code.Value;
                    parts.Role = role.Title;
                    parts.Kind = MentionKind.Person;
                    parts.PersonWhy = $"{known.Name} was {role.Title} ({role.Code}) on {date:yyyy-MM-dd}{AsOfCheck(date)}";
                    parts.Sector = null;
                }
                pos = nameEnd;
            }
        }

        // 3. A later mention of a person by surname: someone named earlier in the article, or the one officeholder
        //    of the knowledge base with that surname on the date.
        if (!any)
        {
            var w = words[i];
            if (w is "he" or "He" or "she" or "She")
            {
                return Pronoun(doc, si, s, i, w, personal: true);
            }
            if (w is "it" or "It")
            {
                return Pronoun(doc, si, s, i, w, personal: false);
            }
            if (w.Length > 1 && char.IsUpper(w[0]) && (titleCase || i + 1 >= words.Length || !IsNameContinuation(words[i + 1])))
            {
                int tok = s.FirstToken + i;
                for (int k = seen.Count - 1; k >= 0; k--)
                {
                    var (surname, name, first) = seen[k];
                    if (surname == w && (titleCase || !OtherFirstName(words, i, name)))
                    {
                        return Corefer(doc, first, tok, $"'{w}' is {name}, named earlier in the article; {first.Why}");
                    }
                }
                var holder = UniqueOfficeholder(w, date, null);
                if (holder is not null && KnowledgeBase.RoleOn(holder, date) is { } role && SurnameFits(doc, si, s, words, titleCase ? 0 : i, i, holder, role))
                {
                    string c = role.Code.Value;
                    var m = new ActorMention(tok, 1, doc.TokenSpan(tok), c, c.Length >= 3 ? c[..3] : null, Segments(c.Length > 3 ? c.AsSpan(3) : default),
                        MentionKind.Person, $"'{w}' is the surname of {holder.Name}, the only officeholder of that name on {date:yyyy-MM-dd} ({role.Title}, {role.Code})")
                    {
                        Entity = holder.Name,
                        Role = role.Title,
                    };
                    seen.Add((w, holder.Name, m));
                    guesses.Add(tok);
                    doc.Note(si, Name, $"'{w}' -> {c}: {m.Why}");
                    return m;
                }
            }
            return null;
        }

        // "his Canadian counterpart": a country word before "counterpart" names that country's government.
        if (parts.Sector is null && parts.Code is null && parts.Country is not null && pos < words.Length
            && words[pos] is "counterpart" or "counterparts")
        {
            parts.Sector = "GOV";
            parts.AgentWhy = $"'{words[pos]}' of a country word: that country's government";
            pos++;
        }
        // Descriptions: "the nation's top diplomat", "the country's president" take the country named last.
        if (parts.Country is null && parts.Code is null && parts.Sector is not null && start >= 2 && words[start - 1] is "'s" or "\u2019s"
            && words[start - 2] is "nation" or "country" or "kingdom" or "republic" && LastCountry(doc) is { } recent)
        {
            parts.Country = recent;
            parts.CountryWhy = $"'the {words[start - 2]}' is {recent}, the country named last";
            start -= 2;
            if (start >= 1 && words[start - 1] is "the" or "The") start--;
        }
        // "the vice president" after "Vice President Kamala Harris": the earlier holder of that office.
        if (parts.Country is null && parts.Code is null && parts.Sector is not null && start >= 1 && words[start - 1] is "the" or "The")
        {
            string title = Join(words, start, pos - start);
            for (int k = seen.Count - 1; k >= 0; k--)
            {
                var earlier = seen[k].Mention;
                if (earlier.Role is not null && earlier.Role.Equals(title, StringComparison.OrdinalIgnoreCase))
                {
                    int tok0 = s.FirstToken + start - 1;
                    var m = earlier with
                    {
                        FirstToken = tok0,
                        TokenCount = pos - start + 1,
                        Span = doc.TokensSpan(tok0, pos - start + 1),
                        HeadToken = s.FirstToken + pos - 1,
                        Kind = MentionKind.Coreference,
                        Why = $"'the {title}' is {seen[k].Name}, named earlier as {earlier.Role}; {earlier.Why}",
                    };
                    doc.Note(si, Name, $"'the {title}' -> {m.Code}: {m.Why}");
                    return m;
                }
            }
        }

        // "former President Barack Obama", "ex-minister": a former official is an elite, not the government.
        if (start >= 1 && words[start - 1] is "former" or "Former" or "ex" or "Ex" && (parts.Sector is not null || parts.Kind == MentionKind.Person))
        {
            string? country = parts.Country ?? (parts.Code is { Length: >= 3 } c0 ? c0[..3] : null);
            if (country is not null)
            {
                parts.Country = country;
                parts.Code = country + "ELI";
                parts.Sector = null;
                parts.AgentWhy = $"'{words[start - 1]}' marks a former official: {country}ELI";
                start--;
            }
        }

        string? code = Compose(ref parts, out var sectors, out string why);
        if (code is null) return null;
        int firstTok = s.FirstToken + start;
        int count = pos - start;
        // Leading determiner is not part of the mention span; trailing possessive is.
        var mention = new ActorMention(firstTok, count, doc.TokensSpan(firstTok, count), code, parts.Country, sectors, parts.Kind, why)
        {
            Entity = parts.Entity,
            Role = parts.Role,
        };
        if (parts.Entity is not null && parts.Kind != MentionKind.Organization)
        {
            // Remember the person for later mentions by surname ("Ebrard", "Blinken").
            var person = _kb.FindPerson(parts.Entity);
            string surname = person?.Surname ?? LastWord(parts.Entity);
            seen.Add((surname, parts.Entity, mention));
        }
        doc.Note(si, Name, $"'{Join(words, start, count)}' -> {code}: {why}");
        return mention;
    }

    /// <summary>A one-token mention that refers back to an earlier one and takes its code.</summary>
    private static ActorMention Corefer(Document doc, ActorMention antecedent, int token, string why) =>
        antecedent with
        {
            FirstToken = token,
            TokenCount = 1,
            Span = doc.TokenSpan(token),
            HeadToken = token,
            Kind = MentionKind.Coreference,
            Why = why,
        };

    /// <summary>The country of the most recent actor mention that has one.</summary>
    private static string? LastCountry(Document doc)
    {
        for (int k = doc.Mentions.Count - 1; k >= 0; k--)
        {
            if (doc.Mentions[k].Country is { } c) return c;
        }
        return null;
    }

    /// <summary>
    /// Simple pronouns: "he"/"she" is the last person mentioned in this or the previous sentence; "it" is the
    /// subject-like organisation or country earlier in the same sentence ("The EU condemned Russia and said it would...").
    /// </summary>
    private ActorMention? Pronoun(Document doc, int si, Sentence s, int i, string w, bool personal)
    {
        int tok = s.FirstToken + i;
        int minToken = personal && si > 0 ? doc.Sentences[si - 1].FirstToken : s.FirstToken;
        var mentions = doc.Mentions;
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            var m = mentions[k];
            if (m.FirstToken < minToken) break;
            bool fits = personal
                ? m.Kind is MentionKind.Person || (m.Kind == MentionKind.Coreference && m.Entity is not null) || (m.Entity is not null && m.Kind != MentionKind.Organization)
                : m.Kind is MentionKind.Organization or MentionKind.Country or MentionKind.Seat || (m.Kind == MentionKind.Capital && m.Sectors.Count > 0);
            if (!fits) continue;
            if (!personal)
            {
                // the antecedent must open the sentence or a clause (be a subject), not be an object inside it:
                // "The EU condemned Russia and said it ..." is the EU; "..., which the U.S. imposed after it ..." the U.S.
                if (!OpensClause(doc, s, m.FirstToken)) continue;
            }
            var r = Corefer(doc, m, tok, $"'{w}' refers to '{doc.Text.AsSpan(m.Span.Start, m.Span.Length)}'; {m.Why}");
            doc.Note(si, Name, $"'{w}' -> {r.Code}: {r.Why}");
            return r;
        }
        return null;
    }

    /// <summary>Whether a mention starting at <paramref name="token"/> opens its sentence or a clause: after a
    /// determiner, it follows the sentence start, a comma or a clause word ("which", "after", "because", ...).</summary>
    private static bool OpensClause(Document doc, Sentence s, int token)
    {
        int k = token - 1;
        if (k >= s.FirstToken && doc.Word(k) is "the" or "The") k--;
        if (k < s.FirstToken) return true;
        return doc.Word(k) is "," or ";" or "which" or "that" or "after" or "because" or "when" or "while" or "since" or "if" or "as" or "but"
            or "whereas" or "although" or "though" or "before" or "until" or "where";
    }

    /// <summary>Whether the word after a one-word place name continues a personal name (a capitalised word the knowledge base does not know).</summary>
    private bool LooksLikeFirstName(ReadOnlySpan<string> words, int next)
    {
        if (next >= words.Length) return false;
        var w = words[next];
        if (w.Length < 2 || !char.IsUpper(w[0]) || !char.IsLower(w[1])) return false;
        if (w is "The" or "A" or "An" or "In" or "On" or "And" or "But" or "President" or "Prime" or "Minister" or "Government") return false;
        return _kb.Match(words, next, EntryKinds.Actors).IsEmpty; // cities are often surnames (Henderson, Lincoln)
    }

    private static bool IsNameContinuation(string next) => next.Length > 1 && char.IsUpper(next[0]) && next is not ("The" or "A");

    private static string LastWord(string name)
    {
        int sp = name.LastIndexOf(' ');
        return sp < 0 ? name : name[(sp + 1)..];
    }

    /// <summary>
    /// Whether a lone surname may be taken as the one officeholder of that name: not when another first name comes
    /// before it ("Trevor Phillips" is not Guyana's Mark Phillips), and only when the officeholder's country is named
    /// in the article before it or in the same sentence (so "Davis" in a story about British politics is not the
    /// Bahamas' prime minister), unless the officeholder leads a G20 state or is its foreign minister ("Blinken").
    /// With thousands of officeholders in the knowledge base, a surname alone is weak evidence.
    /// </summary>
    private bool SurnameFits(Document doc, int si, Sentence s, ReadOnlySpan<string> words, int firstNameAt, int i, Person holder, PersonRole role)
    {
        // firstNameAt is i, or 0 in a Title Case headline, where the capitalised word before a surname is no evidence
        if (firstNameAt > 0 && LooksLikeGivenName(words[i - 1]) && !NameStartsWith(holder, words[i - 1]))
        {
            doc.Note(si, Name, $"'{words[i - 1]} {words[i]}' is not {holder.Name}: another first name");
            return false;
        }
        // "Michael Howard" earlier in the article makes a later "Mr Howard" that man, not Australia's John Howard
        if (OtherFirstNameInArticle(doc, words[i], holder, s.FirstToken + i) is { } other)
        {
            doc.Note(si, Name, $"'{words[i]}' is the {other} {words[i]} named earlier, not {holder.Name}");
            return false;
        }
        // a month or common word ("May", "Will") is a surname only in an article that names the country
        bool common = (Names.NameLexicon.Flags(words[i]) & (Names.WordFlags.Calendar | Names.WordFlags.Stop)) != 0;
        if (common && i + 1 < words.Length && words[i + 1].Length > 0 && char.IsDigit(words[i + 1][0])) return false;   // "May 5"
        var country = role.Code.Value.AsSpan(0, Math.Min(3, role.Code.Value.Length));
        foreach (var m in doc.Mentions)
            if (m.Country is { } c && country.SequenceEqual(c)) return true;
        for (int k = i + 1; k < words.Length; k++)
        {
            var match = _kb.Match(words, k, EntryKinds.Actors);
            if (match.IsEmpty) continue;
            var e = Pick(match);
            if ((e.Country ?? (e.Code.Value.Length >= 3 ? e.Code.Value[..3] : null)) is { } c2 && country.SequenceEqual(c2)) return true;
            k = match.End - 1;
        }
        // a leader of a G20 state or its foreign minister needs no context ("Blinken", "Lavrov")
        if (!common && OfficeTitles.IsProminent(role)) return true;
        doc.Note(si, Name, $"'{words[i]}' could be {holder.Name} ({role.Title}, {role.Code}), but the article has not named {country.ToString()}");
        return false;
    }

    /// <summary>
    /// "spokesman David Davis", "chief executive Lord Browne": a title and a name whose surname is one officeholder's
    /// are that officeholder only when the other words of the name are theirs (or honorifics), and the title fits the
    /// office (a country was named with it, or its sector is the role's).
    /// </summary>
    private static bool TitledSurnameFits(ReadOnlySpan<string> words, int nameStart, int nameEnd, Person holder, DateOnly date, Parts parts)
    {
        for (int k = nameStart; k < nameEnd - 1; k++)
            if (!IsHonorific(words[k]) && !holder.Name.Contains(words[k], StringComparison.Ordinal)) return false;
        if (parts.Country is not null) return true;
        var role = KnowledgeBase.RoleOn(holder, date);
        return role is not null && parts.Sector is not null && role.Code.Value.AsSpan(3).IndexOf(parts.Sector.AsSpan()) >= 0;
    }

    /// <summary>For dates after the knowledge base's last check of officeholders, says so in the reason.</summary>
    private static string AsOfCheck(DateOnly date) =>
        date > KnowledgeBase.PeopleCheckedOn ? $" as far as known (officeholders last checked {KnowledgeBase.PeopleCheckedOn:yyyy-MM-dd})" : "";

    /// <summary>Whether the person's name or one of its aliases starts with this word ("John" for John Howard).</summary>
    private static bool NameStartsWith(Person person, string word)
    {
        if (person.Name.StartsWith(word, StringComparison.Ordinal)) return true;
        foreach (var a in person.Aliases)
            if (a.StartsWith(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsHonorific(string w) =>
        w is "Mr" or "Mr." or "Mrs" or "Mrs." or "Ms" or "Ms." or "Dr" or "Dr." or "Sir" or "Dame" or "Lord" or "Lady" or "Madam" or "Sheikh" or "Prince" or "King" or "Queen";

    /// <summary>The one person of the knowledge base with this surname who held a role on the date (in a country, when given).</summary>
    private Person? UniqueOfficeholder(string surname, DateOnly date, string? country)
    {
        Person? found = null;
        foreach (var p in _kb.PeopleBySurname(surname))
        {
            var role = KnowledgeBase.RoleOn(p, date);
            if (role is null) continue;
            if (country is not null && !role.Code.Value.StartsWith(country, StringComparison.Ordinal)) continue;
            if (found is not null && !ReferenceEquals(found, p)) return null;
            found = p;
        }
        return found;
    }

    private static bool IsLocativePreposition(string w) => w is "in" or "to" or "at" or "from" or "into" or "near" or "across" or "outside" or "inside";

    /// <summary>Prefers, among the meanings of one phrase, the one that says most (a seat over a capital, say).</summary>
    private static PhraseEntry Pick(PhraseMatch m)
    {
        PhraseEntry best = m.First;
        foreach (var e in m)
        {
            if (Rank(e.Kind) < Rank(best.Kind)) best = e;
        }
        return best;

        static int Rank(EntryKind k) => k switch
        {
            EntryKind.Person => 0,
            EntryKind.Organization => 1,
            EntryKind.Seat => 2,
            EntryKind.Country => 3,
            EntryKind.CountryAdjective => 4,
            EntryKind.Demonym => 5,
            EntryKind.Capital => 6,
            EntryKind.Agent => 7,
            _ => 9,
        };
    }

    private bool Apply(ref Parts parts, PhraseEntry e, ReadOnlySpan<string> words, PhraseMatch m, DateOnly date, bool locative)
    {
        string text = Join(words, m.Start, m.Length);
        switch (e.Kind)
        {
            case EntryKind.Country:
            case EntryKind.CountryAdjective:
            case EntryKind.Demonym:
                if (parts.Country is not null || parts.Code is not null) return false;
                parts.Country = e.Country ?? e.Code.Value;
                parts.CountryWhy = $"'{text}' names {parts.Country}";
                parts.Kind = e.Kind == EntryKind.Country ? MentionKind.Country : MentionKind.CountryAdjective;
                return true;
            case EntryKind.Capital:
                if (parts.Country is not null || parts.Code is not null) return false;
                parts.Country = e.Country ?? e.Code.Value[..3];
                parts.Kind = MentionKind.Capital;
                if (locative)
                {
                    parts.CountryWhy = $"'{text}' is the capital of {parts.Country}, here a place";
                }
                else
                {
                    parts.Sector ??= "GOV";
                    parts.CountryWhy = $"'{text}' is the capital of {parts.Country}, standing for its government";
                }
                return true;
            case EntryKind.Seat:
                if (parts.Code is not null) return false;
                if (parts.Country is not null && e.Country is not null && parts.Country != e.Country) return false;
                parts.Country = e.Country ?? e.Code.Value[..3];
                parts.Sector = e.Sector ?? (e.Code.SegmentCount > 0 ? e.Code.Segment(0).ToString() : null);
                parts.Kind = MentionKind.Seat;
                parts.CountryWhy = $"'{text}' is a seat of {e.Code}";
                return true;
            case EntryKind.Organization:
                if (parts.Code is not null || parts.Sector is not null) return false;
                parts.Code = e.Code.Value;
                parts.Entity = text;
                parts.Kind = MentionKind.Organization;
                parts.CountryWhy = $"'{text}' is the organisation {e.Code}";
                return true;
            case EntryKind.Agent:
                if (parts.Kind == MentionKind.Organization && parts.Code is { Length: >= 3 } orgCode && e.Sector == "GOV"
                    && text is "government" or "administration" or "regime" && char.IsUpper(orgCode[0]) && !orgCode.StartsWith("IGO", StringComparison.Ordinal)
                    && !orgCode.StartsWith("NGO", StringComparison.Ordinal))
                {
                    // "the Taliban government", "the Hamas administration": the group governing its country.
                    parts.Country = orgCode[..3];
                    parts.Code = parts.Country + "GOV";
                    parts.CountryWhy += $"; '{text}' makes it the government of {parts.Country}";
                    return true;
                }
                if (parts.Kind == MentionKind.Organization && parts.Code is { Length: >= 6 } org && parts.Sector is null && e.Country is null
                    && org.StartsWith("IGO", StringComparison.Ordinal) && e.Sector is "MIL" or "COP" or "GOV")
                {
                    // "NATO forces", "UN troops": the organisation's own forces (IGO...MIL); "UN officials", "EU
                    // foreign ministers": the organisation itself, one mention.
                    if (e.Sector != "GOV" && !org.EndsWith(e.Sector, StringComparison.Ordinal)) parts.Code = org + e.Sector;
                    parts.AgentWhy = e.Sector == "GOV" ? $"'{text}' are the organisation's officials" : $"'{text}' is an office word of sector {e.Sector}, here of {org}";
                    return true;
                }
                if (parts.Code is not null) return false;
                if (parts.Sector is not null && parts.Kind != MentionKind.Capital) return false;
                parts.Sector = e.Sector;
                parts.AgentWhy = $"'{text}' is an office word of sector {e.Sector}";
                if (parts.Country is null && e.Country is not null && Unambiguous(m, out string? c))
                {
                    parts.Country = c;
                    parts.AgentWhy += $" used in {c}";
                }
                if (parts.Kind is not (MentionKind.Country or MentionKind.CountryAdjective)) parts.Kind = MentionKind.Agent;
                return true;
            case EntryKind.Person:
            {
                if (parts.Code is not null) return false;
                var person = _kb.People[e.EntityId];
                parts.Entity = person.Name;
                parts.Kind = MentionKind.Person;
                var role = KnowledgeBase.RoleOn(person, date);
                if (role is not null)
                {
                    parts.Code = role.Code.Value;
                    parts.Role = role.Title;
                    parts.PersonWhy = $"{person.Name} was {role.Title} ({role.Code}) on {date:yyyy-MM-dd}{AsOfCheck(date)}";
                }
                else
                {
                    // Out of office on the date: coded by country only, not as the government.
                    var last = LastRoleBefore(person, date);
                    string? country = last?.Code.Value[..3] ?? parts.Country;
                    if (country is null) return false;
                    parts.Code = last is null ? country : country + "ELI";
                    parts.Sector = null;
                    parts.AgentWhy = null;
                    parts.PersonWhy = last is null
                        ? $"{person.Name} held no known office on {date:yyyy-MM-dd}"
                        : $"{person.Name} was out of office on {date:yyyy-MM-dd}{AsOfCheck(date)} (last: {last.Title}, {last.Code}); coded as a former official, {country}ELI";
                }
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>
    /// The country a title implies when no country is named: the first country the knowledge base lists for it
    /// ("Foreign Secretary" is the British office by default, also used in Mexico and India), unless the title
    /// also has a reading without a country ("minister").
    /// </summary>
    private static bool Unambiguous(PhraseMatch m, out string? country)
    {
        country = null;
        foreach (var e in m)
        {
            if (e.Kind != EntryKind.Agent) continue;
            if (e.Country is null) return false;
            country ??= e.Country;
        }
        return country is not null;
    }

    private static PersonRole? LastRoleBefore(Person person, DateOnly date)
    {
        PersonRole? last = null;
        foreach (var r in person.Roles)
        {
            if (r.Start.IsNone || r.Start.FirstDay <= date) last = r;
        }
        return last;
    }

    private static string? Compose(ref Parts p, out IReadOnlyList<string> sectors, out string why)
    {
        sectors = Array.Empty<string>();
        why = JoinReasons(p.PersonWhy, p.CountryWhy, p.AgentWhy);
        string? code = p.Code;
        if (code is null)
        {
            if (p.Country is null && p.Sector is null) return null;
            code = (p.Country ?? "") + (p.Sector ?? "");
        }
        else if (p.Sector is not null && code.Length == 3)
        {
            code += p.Sector;
        }
        if (p.Country is null && code.Length >= 3 && p.Kind == MentionKind.Person) p.Country = code[..3];
        if (code.Length > 3 && p.Country is not null && code.StartsWith(p.Country, StringComparison.Ordinal))
        {
            sectors = Segments(code.AsSpan(3));
        }
        else if (p.Country is null && p.Code is null)
        {
            sectors = Segments(code.AsSpan());
        }
        else if (p.Code is not null && code.Length > 3)
        {
            sectors = Segments(code.AsSpan(3));
            if (p.Country is null && code.Length >= 3 && !code.StartsWith("IGO", StringComparison.Ordinal) && !code.StartsWith("NGO", StringComparison.Ordinal)
                && !code.StartsWith("IMG", StringComparison.Ordinal) && !code.StartsWith("MNC", StringComparison.Ordinal))
            {
                p.Country = code[..3];
            }
        }
        return code;
    }

    /// <summary>The reasons that apply, joined with "; " (no LINQ: this runs for every mention).</summary>
    private static string JoinReasons(string? a, string? b, string? c)
    {
        if (b is null && c is null) return a ?? "";
        if (a is null && c is null) return b!;
        if (a is null && b is null) return c!;
        return a is null ? $"{b}; {c}" : b is null ? $"{a}; {c}" : c is null ? $"{a}; {b}" : $"{a}; {b}; {c}";
    }

    private static string[] Segments(ReadOnlySpan<char> s)
    {
        var list = new string[s.Length / 3];
        for (int i = 0; i < list.Length; i++) list[i] = string.Intern(s.Slice(i * 3, 3).ToString());
        return list;
    }

    /// <summary>End of a run of capitalized name tokens starting at <paramref name="pos"/> (at most 4), or pos.</summary>
    private static int CapitalizedRun(ReadOnlySpan<string> words, int pos)
    {
        int k = pos;
        while (k < words.Length && k - pos < 4)
        {
            var w = words[k];
            if (w.Length == 0 || !char.IsUpper(w[0]) || w.Length == 1 && k == pos) break;
            if (w is "The" or "A" or "In" or "On" or "He" or "She" or "It") break;
            k++;
        }
        return k - pos >= 2 || (k - pos == 1 && k < words.Length && words[k] is "," or "said" or "told") ? k : pos;
    }

    private static string Join(ReadOnlySpan<string> words, int start, int count)
    {
        if (count == 1) return words[start];
        return string.Join(' ', words.Slice(start, count).ToArray());
    }
}
