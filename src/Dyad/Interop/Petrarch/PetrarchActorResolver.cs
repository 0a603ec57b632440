using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Interop.Petrarch;

/// <summary>
/// Finds actors the way PETRARCH dictionaries mean them: longest case-insensitive phrase match over actor and agent
/// phrases, the actor's code on the article date, and agents composed with a neighbouring actor ("Gondor's government"
/// GONGOV, "Arnor cleric" ARNREL, "ambassadors of Arnor, Osgiliath and Gondor" ARNGOV OSGGOV GONGOV, "MSF Arnor"
/// NGOARN). A sentence holding a discard phrase gets no actors (an article with a story-level discard, none at all).
/// Several codes of one phrase (<c>[FRO/BIL/SAM]</c>) stay joined with '/' in <see cref="ActorMention.Code"/>; the
/// coder splits them.
/// </summary>
public sealed class PetrarchActorResolver : IPipelineComponent
{
    private readonly PhraseTable<PetrarchActor> _actors = new();
    private readonly PhraseTable<PetrarchAgent> _agents = new();
    private readonly PhraseTable<PetrarchDiscard> _discards = new();

    private readonly bool _agentOnly;
    /// <summary>The code of the last actor matched in the document on this thread, before agents were added.</summary>
    [ThreadStatic] private static string? t_lastBase;

    /// <param name="agentOnly">Code an agent without a country as PETRARCH does ("---GOV").</param>
    public PetrarchActorResolver(IEnumerable<PetrarchActor> actors, IEnumerable<PetrarchAgent> agents, IEnumerable<PetrarchDiscard> discards,
        bool agentOnly = true)
    {
        _agentOnly = agentOnly;
        foreach (var a in actors)
            foreach (var p in a.Phrases) _actors.Add(p, a);
        foreach (var g in agents) _agents.Add(g.Phrase, g);
        foreach (var d in discards) _discards.Add(d.Phrase, d);
        _actors.Freeze();
        _agents.Freeze();
        _discards.Freeze();
    }

    public string Name => "actors";
    public Annotation Requires => Annotation.Tokens | Annotation.Sentences;
    public Annotation Provides => Annotation.Actors;

    public void Process(Document doc)
    {
        var date = doc.Article.Published ?? DateOnly.FromDateTime(DateTime.UtcNow);
        t_lastBase = null;
        var lower = new string[doc.TokenCount];
        for (int i = 0; i < lower.Length; i++) lower[i] = doc.Word(i).ToLowerInvariant();
        bool storyDiscard = false;
        var discarded = new bool[doc.Sentences.Count];
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            for (int t = s.FirstToken; t < s.EndToken; t++)
            {
                var (len, d) = _discards.Longest(lower, t, s.EndToken);
                if (len == 0) continue;
                discarded[si] = true;
                if (d!.Story) storyDiscard = true;
                doc.Note(si, Name, $"discard phrase '{string.Join(' ', d.Phrase)}': {(d.Story ? "article" : "sentence")} not coded");
                break;
            }
        }
        if (storyDiscard)
        {
            doc.MarkDone(Annotation.Actors);
            return;
        }
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            if (discarded[si]) continue;
            var s = doc.Sentences[si];
            int t = s.FirstToken;
            while (t < s.EndToken)
            {
                int next = ResolveAt(doc, si, s, lower, t, date);
                t = next > t ? next : t + 1;
            }
        }
        doc.MarkDone(Annotation.Actors);
    }

    /// <summary>Adds the mention(s) starting at <paramref name="t"/>; returns the token after them (or t when none).</summary>
    private int ResolveAt(Document doc, int si, Sentence s, string[] lower, int t, DateOnly date)
    {
        int end = s.EndToken;
        var (alen, actor) = _actors.Longest(lower, t, end);
        var (glen, agent) = _agents.Longest(lower, t, end);
        if (alen > 0 && alen >= glen)
        {
            string? code = actor!.CodeOn(date);
            int pos = t + alen;
            // actor ['s] agent... : "Gondor's government", "Arnor cleric", "Danish Islamist media"
            int p2 = pos;
            if (p2 < end && lower[p2] is "'s" or "\u2019s" or "'")
            {
                p2++;
                // "Ithilen's awful and evil minister": modifiers between the possessive and an agent
                for (int k = p2; k < end && k < p2 + 4; k++)
                {
                    if (_agents.Longest(lower, k, end).Length > 0) { p2 = k; break; }
                    if (!IsModifier(doc.Word(k)) && !(k > p2 && char.IsUpper(doc.Word(k)[0]))) break;
                }
            }
            string prefix = "", suffix = "";
            // PETRARCH codes "former" officials as elites (ELI): "former Gondor prosecutors", "Arnor former security officials"
            bool former = t > s.FirstToken && lower[t - 1] == "former";
            if (p2 < end && lower[p2] == "former" && _agents.Longest(lower, p2 + 1, end).Length > 0) { former = true; p2++; }
            int agentsEnd = p2;
            while (agentsEnd < end)
            {
                var (l2, g2) = _agents.Longest(lower, agentsEnd, end);
                if (l2 == 0) break;
                prefix += g2!.Prefix;
                suffix += g2.Suffix;
                agentsEnd += l2;
            }
            if (agentsEnd > p2)
            {
                if (former) { prefix = ""; suffix = "ELI"; }
                pos = agentsEnd;
                // a title followed by its holder's name: "Bree Prime Minister Romendacil"
                var (l5, _) = _actors.Longest(lower, pos, end);
                if (l5 > 0) pos += l5;
            }
            if (string.IsNullOrEmpty(code)) return pos;
            t_lastBase = code;
            Add(doc, si, t, pos, Compose(code, prefix, suffix), "actor");
            return pos;
        }
        if (glen > 0)
        {
            // agent [agent...] (of|in|from|for) [the] actor[, actor and actor]: "ambassadors of Arnor, Osgiliath and Gondor"
            string prefix = agent!.Prefix, suffix = agent.Suffix;
            int pos = t + glen;
            bool formerAgent = t > s.FirstToken && lower[t - 1] == "former";
            while (pos < end)
            {
                var (l2, g2) = _agents.Longest(lower, pos, end);
                if (l2 == 0) break;
                prefix += g2!.Prefix;
                suffix += g2.Suffix;
                pos += l2;
            }
            // agent followed directly by an actor: "MSF Arnor" (prefix agents), "the Calenardhon ..." handled above
            var (alen2, actor2) = _actors.Longest(lower, pos, end);
            if (alen2 > 0 && prefix.Length > 0)
            {
                var c = actor2!.CodeOn(date);
                int after = pos + alen2;
                // "An MSF Arnor diplomat": agents after the actor add to the code
                while (after < end)
                {
                    var (l3, g3) = _agents.Longest(lower, after, end);
                    if (l3 == 0) break;
                    prefix += g3!.Prefix;
                    suffix += g3.Suffix;
                    after += l3;
                }
                if (!string.IsNullOrEmpty(c)) Add(doc, si, t, after, Compose(c, prefix, suffix), "agent+actor");
                return after;
            }
            // "Lawmakers and officials in Fornost and Gondor": two agents sharing the actors that follow
            string? otherSuffix = null;
            int k = pos;
            if (k + 1 < end && lower[k] == "and" && _agents.Longest(lower, k + 1, end) is { Length: > 0 } second)
            {
                int k2 = k + 1 + second.Length;
                if (k2 < end && lower[k2] is "of" or "in" or "from" or "for")
                {
                    otherSuffix = second.Value!.Suffix;
                    k = k2;
                }
            }
            if (k < end && lower[k] is "of" or "in" or "from" or "for")
            {
                k++;
                if (k < end && lower[k] == "the") k++;
                var (alen3, actor3) = _actors.Longest(lower, k, end);
                if (alen3 > 0)
                {
                    if (formerAgent) { prefix = ""; suffix = "ELI"; }
                    var c = actor3!.CodeOn(date);
                    int after = k + alen3;
                    if (!string.IsNullOrEmpty(c)) Add(doc, si, t, after, Both(c, prefix, suffix, otherSuffix), "agent of actor");
                    // a coordinated list shares the agent
                    while (after < end)
                    {
                        int j = after;
                        if (lower[j] == ",") j++;
                        if (j < end && lower[j] is "and" or "or") j++;
                        if (j == after || j >= end) break;
                        if (lower[j] == "the") j++;
                        var (l4, a4) = _actors.Longest(lower, j, end);
                        if (l4 == 0) break;
                        var c4 = a4!.CodeOn(date);
                        if (!string.IsNullOrEmpty(c4)) Add(doc, si, j, j + l4, Both(c4, prefix, suffix, otherSuffix), "agent of actor (list)");
                        after = j + l4;
                    }
                    return after;
                }
            }
            // "Danish media and government": an agent joined to the previous actor+agent takes its actor
            if (suffix.Length > 0 && t >= 2 && lower[t - 1] is "and" or "," && doc.Mentions.Count > 0 && doc.Mentions[^1].EndToken == t - 1
                && doc.Mentions[^1].Why.StartsWith("PETRARCH actor", StringComparison.Ordinal) && t_lastBase is { } lastBase)
            {
                Add(doc, si, t, pos, Compose(lastBase, prefix, suffix), "agent joined to the actor before");
                return pos;
            }
            // an agent with no actor: PETRARCH's null-country code ("Clerics and lawmakers believe ..." ---REL, ---LEG)
            if (suffix.Length > 0 && _agentOnly) Add(doc, si, t, pos, ComposeOne("---", prefix, suffix), "agent only");
            return pos;
        }
        return t;
    }

    /// <summary>The code with one agent, or both codes joined with '/' when a second agent shares the actor.</summary>
    private static string Both(string code, string prefix, string suffix, string? otherSuffix) =>
        otherSuffix is null ? Compose(code, prefix, suffix) : Compose(code, prefix, suffix) + "/" + Compose(code, prefix, otherSuffix);

    private static string Compose(string code, string prefix, string suffix)
    {
        if (prefix.Length == 0 && suffix.Length == 0) return code;
        if (!code.Contains('/', StringComparison.Ordinal)) return ComposeOne(code, prefix, suffix);
        var parts = code.Split('/');
        for (int i = 0; i < parts.Length; i++) parts[i] = ComposeOne(parts[i], prefix, suffix);
        return string.Join('/', parts);
    }

    /// <summary>Prefix + code + the suffix's three-letter segments the code does not already hold ("USAGOV" + "GOV" stays USAGOV).</summary>
    private static string ComposeOne(string code, string prefix, string suffix)
    {
        var sb = new System.Text.StringBuilder(prefix.Length + code.Length + suffix.Length);
        sb.Append(prefix).Append(code);
        for (int i = 0; i + 3 <= suffix.Length; i += 3)
        {
            var seg = suffix.AsSpan(i, 3);
            bool has = false;
            for (int j = 3; j + 3 <= code.Length && !has; j += 3) has = code.AsSpan(j, 3).SequenceEqual(seg);
            if (!has) sb.Append(seg);
        }
        if (suffix.Length % 3 != 0) sb.Append(suffix.AsSpan(suffix.Length - suffix.Length % 3));
        return sb.ToString();
    }

    private static bool IsModifier(string w) =>
        w.Length > 1 && char.IsLower(w[0]) && w is not ("the" or "a" or "an" or "of" or "in" or "to" or "with" or "is" or "was" or "has" or "have" or "will");

    private static void Add(Document doc, int si, int first, int end, string code, string why)
    {
        string? country = code.Length >= 3 ? code[..3] : null;
        var m = new ActorMention(first, end - first, doc.TokensSpan(first, end - first), code, country, [], MentionKind.Organization,
            $"PETRARCH {why}: {code}");
        doc.Mentions.Add(m);
        doc.Note(si, "actors", $"'{doc.Text.Substring(m.Span.Start, m.Span.Length)}' -> {code} ({why})");
    }

    /// <summary>Phrases (lower-case word arrays) indexed by first word; longest match first.</summary>
    private sealed class PhraseTable<T>
    {
        private readonly Dictionary<string, List<(string[] Words, T Value)>> _byFirst = new(StringComparer.Ordinal);

        public void Add(string[] words, T value)
        {
            if (words.Length == 0) return;
            // the text may join words with "_" ("Dol_Amroth"): also index the phrase with its last two words joined
            if (words.Length >= 2) AddOne([.. words[..^2], words[^2] + "_" + words[^1]], value);
            AddOne(words, value);
        }

        private void AddOne(string[] words, T value)
        {
            if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
            list.Add((words, value));
        }

        public void Freeze()
        {
            foreach (var list in _byFirst.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }

        public (int Length, T? Value) Longest(string[] tokens, int start, int end)
        {
            if (!_byFirst.TryGetValue(tokens[start], out var list)) return (0, default);
            foreach (var (words, value) in list)
            {
                if (start + words.Length > end) continue;
                bool ok = true;
                for (int i = 1; i < words.Length && ok; i++) ok = tokens[start + i] == words[i];
                if (ok) return (words.Length, value);
            }
            return (0, default);
        }
    }
}
