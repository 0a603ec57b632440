using System.Globalization;

namespace Dyad.Interop.Petrarch;

/// <summary>One code of a PETRARCH actor, valid in [From, To] (either may be open).</summary>
public sealed record PetrarchCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool ValidOn(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);
    public bool IsDated => From is not null || To is not null;
}

/// <summary>A PETRARCH actor: its phrases (name and synonyms, lower-case words) and its codes.</summary>
public sealed record PetrarchActor(List<string[]> Phrases, List<PetrarchCode> Codes)
{
    /// <summary>The code on a date: a dated code valid then, else the undated one; null when none ("---").</summary>
    public string? CodeOn(DateOnly date)
    {
        foreach (var c in Codes)
        {
            if (c.IsDated && c.ValidOn(date)) return c.Code;
        }
        foreach (var c in Codes)
        {
            if (!c.IsDated) return c.Code;
        }
        return null;
    }
}

/// <summary>An agent phrase and its code: <c>~GOV</c> appends to the actor, <c>NGO~</c> prefixes it.</summary>
public sealed record PetrarchAgent(string[] Phrase, string Code)
{
    public string Suffix => Code.StartsWith('~') ? Code[1..] : "";
    public string Prefix => Code.EndsWith('~') ? Code[..^1] : "";
}

/// <summary>A discard phrase: the sentence (or, for <see cref="Story"/>, the whole article) is not coded.</summary>
public sealed record PetrarchDiscard(string[] Phrase, bool Story);

/// <summary>
/// Reads PETRARCH / TABARI actor, agent and discard dictionaries.
/// Actors: <c>NAME [CODE]</c>, synonyms on <c>+NAME</c> lines, codes on the name line or indented lines after it,
/// dated as <c>[CODE &lt;date]</c>, <c>[CODE &gt;date]</c>, <c>[CODE date-date]</c> (YYMMDD with 00-30 meaning 20YY, or
/// YYYYMMDD), several codes as <c>[FRO/BIL/SAM]</c>. Agents: <c>PHRASE {PLURALS} [~SEC]</c> or <c>[NGO~]</c>, with
/// <c>!NAME! = A, B</c> substitution sets; plurals are generated when no <c>{}</c> is given. Words are joined with <c>_</c>;
/// a trailing <c>_</c> (exact match in TABARI) is dropped since Dyad matches whole words.
/// </summary>
public static class PetrarchActorReader
{
    public static List<PetrarchActor> ReadActors(IEnumerable<string> lines)
    {
        var actors = new List<PetrarchActor>();
        PetrarchActor? current = null;
        foreach (var raw in lines)
        {
            var line = PetrarchVerbReader.StripComment(raw);
            if (line.Trim().Length == 0) continue;
            bool indented = char.IsWhiteSpace(line[0]);
            var t = line.Trim();
            if (t[0] == '[')
            {
                if (current is not null) AddCodes(current, t);
                continue;
            }
            if (t[0] == '+')
            {
                if (current is not null)
                {
                    int b = t.IndexOf('[');
                    var phrase = Words(b >= 0 ? t[1..b] : t[1..]);
                    if (phrase.Length > 0) current.Phrases.Add(phrase);
                    if (b >= 0) AddCodes(current, t[b..]);
                }
                continue;
            }
            if (indented && current is not null) continue;
            int bracket = t.IndexOf('[');
            var name = Words(bracket >= 0 ? t[..bracket] : t);
            if (name.Length == 0) continue;
            current = new PetrarchActor([name], []);
            actors.Add(current);
            if (bracket >= 0) AddCodes(current, t[bracket..]);
        }
        return actors;
    }

    private static void AddCodes(PetrarchActor actor, string text)
    {
        int i = 0;
        while ((i = text.IndexOf('[', i)) >= 0)
        {
            int end = text.IndexOf(']', i);
            if (end < 0) break;
            var inner = text[(i + 1)..end].Trim();
            i = end + 1;
            if (inner.Length == 0) continue;
            int sp = 0;
            while (sp < inner.Length && !char.IsWhiteSpace(inner[sp]) && inner[sp] is not ('<' or '>')) sp++;
            var code = inner[..sp].Trim().ToUpperInvariant();
            var rest = inner[sp..].Replace(" ", "", StringComparison.Ordinal);
            DateOnly? from = null, to = null;
            if (rest.StartsWith('<')) to = ParseDate(rest[1..])?.AddDays(-1);
            else if (rest.StartsWith('>')) from = ParseDate(rest[1..]);
            else if (rest.Contains('-', StringComparison.Ordinal))
            {
                var parts = rest.Split('-');
                from = ParseDate(parts[0]);
                to = ParseDate(parts[1]);
            }
            if (code.Length == 0 || code.StartsWith("---", StringComparison.Ordinal)) code = "";
            actor.Codes.Add(new PetrarchCode(code, from, to));
        }
    }

    /// <summary>YYMMDD (00-30 → 20YY, else 19YY) or YYYYMMDD.</summary>
    public static DateOnly? ParseDate(string s)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int v)) return null;
        int y, m, d;
        if (s.Length == 8) { y = v / 10000; m = v / 100 % 100; d = v % 100; }
        else if (s.Length == 6) { y = v / 10000; y += y <= 30 ? 2000 : 1900; m = v / 100 % 100; d = v % 100; }
        else return null;
        if (m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    public static List<PetrarchAgent> ReadAgents(IEnumerable<string> lines)
    {
        var agents = new List<PetrarchAgent>();
        var macros = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var t = PetrarchVerbReader.StripComment(raw).Trim();
            if (t.Length == 0) continue;
            if (t[0] == '!' && t.Contains('=', StringComparison.Ordinal))
            {
                int eq = t.IndexOf('=');
                macros[t[..eq].Trim()] = t[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                continue;
            }
            int b = t.LastIndexOf('[');
            if (b < 0) continue;
            int e = t.IndexOf(']', b);
            var code = (e > b ? t[(b + 1)..e] : t[(b + 1)..]).Trim().ToUpperInvariant();
            if (code.Length == 0) continue;
            var head = t[..b];
            string? plurals = null;
            int brace = head.IndexOf('{');
            if (brace >= 0)
            {
                int close = head.IndexOf('}', brace);
                plurals = close > brace ? head[(brace + 1)..close] : "";
                head = head[..brace];
            }
            foreach (var phrase in Substitute(head.Trim(), macros))
            {
                var words = Words(phrase);
                if (words.Length == 0) continue;
                agents.Add(new PetrarchAgent(words, code));
                if (plurals is null)
                {
                    var pl = (string[])words.Clone();
                    pl[^1] = Plural(pl[^1]);
                    agents.Add(new PetrarchAgent(pl, code));
                }
                else
                {
                    foreach (var p in plurals.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        var pw = Words(p);
                        if (pw.Length > 0) agents.Add(new PetrarchAgent(pw, code));
                    }
                }
            }
        }
        return agents;
    }

    private static IEnumerable<string> Substitute(string phrase, Dictionary<string, string[]> macros)
    {
        int a = phrase.IndexOf('!');
        int b = a >= 0 ? phrase.IndexOf('!', a + 1) : -1;
        if (b < 0)
        {
            yield return phrase;
            yield break;
        }
        var name = phrase[a..(b + 1)];
        if (!macros.TryGetValue(name, out var subs)) subs = [];
        foreach (var s in subs)
        {
            foreach (var r in Substitute(phrase[..a] + s + phrase[(b + 1)..], macros)) yield return r;
        }
    }

    public static List<PetrarchDiscard> ReadDiscards(IEnumerable<string> lines)
    {
        var list = new List<PetrarchDiscard>();
        foreach (var raw in lines)
        {
            var t = PetrarchVerbReader.StripComment(raw).Trim();
            int semi = t.IndexOf(';');
            if (semi >= 0) t = t[..semi].Trim();
            if (t.Length == 0 || t.StartsWith('<')) continue;
            bool story = t[0] == '+';
            var words = Words(story ? t[1..] : t);
            if (words.Length > 0) list.Add(new PetrarchDiscard(words, story));
        }
        return list;
    }

    internal static string Plural(string w)
    {
        if (w.EndsWith('s') || w.EndsWith('x') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal)) return w + "es";
        if (w.Length > 1 && w[^1] == 'y' && "aeiou".IndexOf(w[^2]) < 0) return w[..^1] + "ies";
        if (w.EndsWith("man", StringComparison.Ordinal)) return w[..^3] + "men";
        return w + "s";
    }

    /// <summary>"NORTH_KOREA_" → [north, korea]; spaces and underscores both separate words.</summary>
    internal static string[] Words(string phrase) =>
        phrase.Replace('_', ' ').ToLowerInvariant().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
