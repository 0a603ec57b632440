using System.Globalization;
using System.Text;

namespace Dyad.Syntax;

/// <summary>One syntactic word of a CoNLL-U sentence (a line whose ID is an integer). Fields are mutable so a
/// tagger or parser can write its predictions before the sentence is written back.</summary>
public sealed class ConlluWord
{
    public int Id { get; set; }
    public string Form { get; set; } = "_";
    public string Lemma { get; set; } = "_";
    public string Upos { get; set; } = "_";
    public string Xpos { get; set; } = "_";
    public string Feats { get; set; } = "_";
    /// <summary>Head word ID, 0 for the root, -1 when unknown ("_").</summary>
    public int Head { get; set; } = -1;
    public string DepRel { get; set; } = "_";
    public string Deps { get; set; } = "_";
    public string Misc { get; set; } = "_";
}

/// <summary>
/// A CoNLL-U sentence: its comment lines, its words, and the multiword-token ("1-2") and empty-node ("1.1") lines,
/// which are kept verbatim for writing but are not words (taggers and parsers see only <see cref="Words"/>).
/// </summary>
public sealed class ConlluSentence
{
    /// <summary>Comment lines without the leading "# ".</summary>
    public List<string> Comments { get; } = [];
    public List<ConlluWord> Words { get; } = [];
    /// <summary>Multiword-token and empty-node lines, each with the number of words that precede it.</summary>
    public List<(int WordsBefore, string Line)> OtherLines { get; } = [];

    /// <summary>The value of a "# key = value" comment, or null.</summary>
    public string? Comment(string key)
    {
        foreach (var c in Comments)
        {
            if (c.StartsWith(key, StringComparison.Ordinal))
            {
                var rest = c.AsSpan(key.Length).TrimStart();
                if (rest.Length > 0 && rest[0] == '=')
                    return rest[1..].Trim().ToString();
            }
        }
        return null;
    }

    /// <summary>Whether the gold tree has crossing arcs (a non-projective tree).</summary>
    public bool IsProjective()
    {
        int n = Words.Count;
        for (int i = 0; i < n; i++)
        {
            int a = Words[i].Id, h = Words[i].Head;
            if (h < 0)
                continue;
            int lo = Math.Min(a, h), hi = Math.Max(a, h);
            for (int j = 0; j < n; j++)
            {
                int b = Words[j].Id, g = Words[j].Head;
                if (g < 0)
                    continue;
                int lo2 = Math.Min(b, g), hi2 = Math.Max(b, g);
                if ((lo < lo2 && lo2 < hi && hi < hi2) || (lo2 < lo && lo < hi2 && hi2 < hi))
                    return false;
            }
        }
        return true;
    }
}

/// <summary>Reads and writes CoNLL-U (https://universaldependencies.org/format.html).</summary>
public static class Conllu
{
    /// <summary>Reads every sentence of a CoNLL-U file.</summary>
    public static List<ConlluSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader).ToList();
    }

    /// <summary>Reads sentences lazily from a text reader. Malformed word lines throw <see cref="FormatException"/>.</summary>
    public static IEnumerable<ConlluSentence> Read(TextReader reader)
    {
        ConlluSentence? current = null;
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                if (current != null && (current.Words.Count > 0 || current.Comments.Count > 0))
                    yield return current;
                current = null;
                continue;
            }
            current ??= new ConlluSentence();
            if (line[0] == '#')
            {
                current.Comments.Add(line.Length > 1 && line[1] == ' ' ? line[2..] : line[1..]);
                continue;
            }
            int tab = line.IndexOf('\t');
            if (tab <= 0)
                throw new FormatException($"CoNLL-U line {lineNo}: expected 10 tab-separated fields.");
            var id = line.AsSpan(0, tab);
            if (id.Contains('-') || id.Contains('.'))
            {
                current.OtherLines.Add((current.Words.Count, line));
                continue;
            }
            var f = line.Split('\t');
            if (f.Length != 10)
                throw new FormatException($"CoNLL-U line {lineNo}: expected 10 fields, found {f.Length}.");
            if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int wid))
                throw new FormatException($"CoNLL-U line {lineNo}: bad word ID '{f[0]}'.");
            current.Words.Add(new ConlluWord
            {
                Id = wid,
                Form = f[1],
                Lemma = f[2],
                Upos = f[3],
                Xpos = f[4],
                Feats = f[5],
                Head = f[6] == "_" ? -1 : int.Parse(f[6], NumberStyles.None, CultureInfo.InvariantCulture),
                DepRel = f[7],
                Deps = f[8],
                Misc = f[9],
            });
        }
        if (current != null && (current.Words.Count > 0 || current.Comments.Count > 0))
            yield return current;
    }

    /// <summary>Writes sentences in CoNLL-U, comments and multiword/empty-node lines included, each followed by a blank line.</summary>
    public static void Write(TextWriter writer, IEnumerable<ConlluSentence> sentences)
    {
        foreach (var s in sentences)
        {
            foreach (var c in s.Comments)
            {
                writer.Write("# ");
                writer.Write(c);
                writer.Write('\n');
            }
            int other = 0;
            for (int i = 0; i <= s.Words.Count; i++)
            {
                while (other < s.OtherLines.Count && s.OtherLines[other].WordsBefore == i)
                {
                    writer.Write(s.OtherLines[other].Line);
                    writer.Write('\n');
                    other++;
                }
                if (i == s.Words.Count)
                    break;
                var w = s.Words[i];
                writer.Write(w.Id.ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(w.Form);
                writer.Write('\t');
                writer.Write(w.Lemma);
                writer.Write('\t');
                writer.Write(w.Upos);
                writer.Write('\t');
                writer.Write(w.Xpos);
                writer.Write('\t');
                writer.Write(w.Feats);
                writer.Write('\t');
                writer.Write(w.Head < 0 ? "_" : w.Head.ToString(CultureInfo.InvariantCulture));
                writer.Write('\t');
                writer.Write(w.DepRel);
                writer.Write('\t');
                writer.Write(w.Deps);
                writer.Write('\t');
                writer.Write(w.Misc);
                writer.Write('\n');
            }
            writer.Write('\n');
        }
    }
}
