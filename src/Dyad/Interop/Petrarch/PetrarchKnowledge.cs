using System.Globalization;
using System.Text;
using Dyad.Knowledge;

namespace Dyad.Interop.Petrarch;

/// <summary>
/// Converts PETRARCH actor and agent dictionaries into Dyad knowledge-base files (the TSV formats of data/actors):
/// <list type="bullet">
/// <item>an undated three-letter code becomes a country name (<c>actors/countries-petrarch.tsv</c>);</item>
/// <item>other undated codes become organisations with their synonyms as aliases (<c>actors/organizations-petrarch.tsv</c>);</item>
/// <item>dated codes become a person's roles (<c>actors/people-petrarch.tsv</c>), the undated default a role from 1900;</item>
/// <item>agents with a <c>~SECTOR</c> code become agent phrases (<c>actors/agents-petrarch.tsv</c>).</item>
/// </list>
/// Codes Dyad cannot hold (not in groups of three letters, several codes <c>A/B</c>, prefix agents <c>NGO~</c>) are
/// skipped and counted in <see cref="Skipped"/>. Countries the codes need and the base files lack are declared with a
/// placeholder ISO alpha-2 code "XX".
/// </summary>
public sealed class PetrarchKnowledge
{
    private PetrarchKnowledge(List<KnowledgeFile> files, int skipped)
    {
        Files = files;
        Skipped = skipped;
    }

    public IReadOnlyList<KnowledgeFile> Files { get; }
    /// <summary>Entries that could not be expressed in Dyad's formats.</summary>
    public int Skipped { get; }

    /// <param name="knownCountries">Country codes the base knowledge base already declares (they get no iso2 line).</param>
    public static PetrarchKnowledge Convert(IEnumerable<PetrarchActor> actors, IEnumerable<PetrarchAgent> agents,
        IReadOnlySet<string>? knownCountries = null)
    {
        var countries = new StringBuilder("# Converted from a PETRARCH actor dictionary by Dyad.Interop.Petrarch.\n");
        var orgs = new StringBuilder("# Converted from a PETRARCH actor dictionary by Dyad.Interop.Petrarch.\n");
        var people = new StringBuilder("# Converted from a PETRARCH actor dictionary by Dyad.Interop.Petrarch.\n");
        var agentText = new StringBuilder("# Converted from a PETRARCH agent dictionary by Dyad.Interop.Petrarch.\n");
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var countryNames = new HashSet<(string, string)>();
        var orgNames = new HashSet<string>(StringComparer.Ordinal);
        var personNames = new HashSet<string>(StringComparer.Ordinal);
        int skipped = 0;

        void Declare(string root)
        {
            if (declared.Add(root) && (knownCountries is null || !knownCountries.Contains(root)) && !CameoPrefixes.IsNonStateRoot(root))
                countries.Append(root).Append("\tiso2\tXX\n");
        }

        foreach (var a in actors)
        {
            var names = new List<string>();
            foreach (var p in a.Phrases) names.Add(Title(p));
            var valid = new List<PetrarchCode>();
            foreach (var c in a.Codes)
            {
                if (c.Code.Length > 0 && ActorCode.TryParse(c.Code, out _)) valid.Add(c);
                else skipped++;
            }
            if (valid.Count == 0) continue;
            bool dated = valid.Exists(c => c.IsDated);
            if (!dated && valid.Count == 1 && valid[0].Code.Length == 3 && !CameoPrefixes.IsNonStateRoot(valid[0].Code))
            {
                var code = valid[0].Code;
                Declare(code);
                foreach (var n in names)
                    if (countryNames.Add((code, n))) countries.Append(code).Append("\tname\t").Append(n).Append('\n');
            }
            else if (!dated)
            {
                var code = valid[0].Code;
                Declare(code[..3]);
                var name = names[0];
                if (!orgNames.Add(name)) { skipped++; continue; }
                orgs.Append(name).Append("\tcode\t").Append(code).Append('\n');
                for (int i = 1; i < names.Count; i++)
                    if (names[i] != name && orgNames.Add(names[i])) orgs.Append(name).Append("\talias\t").Append(names[i]).Append('\n');
            }
            else
            {
                var name = names[0];
                if (!personNames.Add(name)) { skipped++; continue; }
                foreach (var c in valid)
                {
                    var from = c.From ?? new DateOnly(1900, 1, 1);
                    if (c.To is { } end && end < from) { skipped++; continue; }
                    Declare(c.Code[..3]);
                    people.Append(name).Append("\trole\t").Append(c.Code).Append("\tactor\t").Append(Iso(from)).Append('\t');
                    if (c.To is { } to) people.Append(Iso(to));
                    people.Append('\n');
                }
                for (int i = 1; i < names.Count; i++)
                    if (names[i] != name && personNames.Add(names[i])) people.Append(name).Append("\talias\t").Append(names[i]).Append('\n');
            }
        }
        var agentLines = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in agents)
        {
            var sector = g.Suffix;
            if (g.Prefix.Length > 0 || !ActorCode.IsValidSegments(sector)) { skipped++; continue; }
            var line = $"{string.Join(' ', g.Phrase)}\tsector\t{sector}";
            if (agentLines.Add(line)) agentText.Append(line).Append('\n');
        }
        var files = new List<KnowledgeFile>
        {
            new("actors/countries-petrarch.tsv", countries.ToString()),
            new("actors/organizations-petrarch.tsv", orgs.ToString()),
            new("actors/people-petrarch.tsv", people.ToString()),
            new("actors/agents-petrarch.tsv", agentText.ToString()),
        };
        return new PetrarchKnowledge(files, skipped);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>[north, korea] → "North Korea"; words with dots or digits are upper-cased ("U.S.").</summary>
    private static string Title(string[] words)
    {
        var sb = new StringBuilder();
        foreach (var w in words)
        {
            if (sb.Length > 0) sb.Append(' ');
            if (w.Length <= 3 && !w.Contains('.', StringComparison.Ordinal) && w is "of" or "the" or "and" or "for") sb.Append(w);
            else if (w.Contains('.', StringComparison.Ordinal) || w.Length <= 3) sb.Append(w.ToUpperInvariant());
            else sb.Append(char.ToUpperInvariant(w[0])).Append(w.AsSpan(1));
        }
        return sb.ToString();
    }
}
