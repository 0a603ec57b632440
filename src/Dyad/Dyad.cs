using Dyad.Actors;
using Dyad.Cleaning;
using Dyad.Coding;
using Dyad.Knowledge;
using Dyad.Pipeline;
using Dyad.Syntax;
using Dyad.Text;

namespace Dyad;

/// <summary>
/// Where reading starts: the default pipeline (clean → tokenize → resolve actors → parse → code events) and the
/// builder extensions that assemble custom ones.
/// </summary>
public static class DyadEngine
{
    private static readonly Lazy<DyadPipeline> DefaultPipeline = new(() => CreateBuilder().Build());

    /// <summary>The standard pipeline with the embedded knowledge base, models and patterns; built once, shared.</summary>
    public static DyadPipeline Default => DefaultPipeline.Value;

    /// <summary>A builder holding the standard components, to extend or rebuild with other data.</summary>
    public static PipelineBuilder CreateBuilder(KnowledgeBase? kb = null, VerbPatternSet? patterns = null) =>
        new PipelineBuilder().UseCleaner().UseTokenizer().UseActors(kb).UseSyntax(patterns: patterns).UseCoder(patterns);

    /// <summary>
    /// The standard pipeline with imported PETRARCH dictionaries added on top of Dyad's own knowledge base and
    /// patterns (their actors, agents and verb patterns join ours; on a conflict the knowledge base reports it).
    /// </summary>
    public static PipelineBuilder CreateBuilder(Interop.Petrarch.PetrarchDictionaries dictionaries)
    {
        var ours = KnowledgeFile.Embedded();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in KnowledgeBase.Default.Countries) known.Add(c.Code);
        var theirs = new List<KnowledgeFile>(Interop.Petrarch.PetrarchKnowledge.Convert(dictionaries.Actors, dictionaries.Agents, known).Files);
        // Their entries that repeat or contradict ours are left out (ours win), line by line.
        for (int round = 0; round < 5; round++)
        {
            var errors = KnowledgeBase.Validate([.. ours, .. theirs]);
            if (errors.Count == 0) break;
            var drop = new HashSet<string>(StringComparer.Ordinal);
            var dropText = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var e in errors)
            {
                if (e.Where is not { } where) continue;
                drop.Add(where);
                // A clash reported on our line: leave out their line with the same text.
                int colon = where.LastIndexOf(':');
                if (colon > 0 && int.TryParse(where.AsSpan(colon + 1), out int lineNo))
                {
                    foreach (var f in ours)
                    {
                        if (f.Path != where[..colon]) continue;
                        var ourLines = f.Text.Split('\n');
                        if (lineNo - 1 < ourLines.Length) dropText.Add(ourLines[lineNo - 1].TrimEnd('\r'));
                    }
                }
            }
            bool changed = false;
            for (int i = 0; i < theirs.Count; i++)
            {
                var lines = theirs[i].Text.Split('\n');
                for (int n = 0; n < lines.Length; n++)
                {
                    if (lines[n].StartsWith('#')) continue;
                    if (drop.Contains($"{theirs[i].Path}:{n + 1}") || dropText.Contains(lines[n]))
                    {
                        lines[n] = "# left out: " + lines[n];
                        changed = true;
                    }
                }
                theirs[i] = theirs[i] with { Text = string.Join('\n', lines) };
            }
            if (!changed) break;
        }
        var kb = KnowledgeBase.Build([.. ours, .. theirs]);
        var patterns = new List<VerbPattern>(VerbPatternSet.Default.Patterns);
        patterns.AddRange(dictionaries.Verbs.Patterns);
        return CreateBuilder(kb, VerbPatternSet.Create(patterns, VerbPatternSet.Default.Irregular, dictionaries.VerbInfo.Forms));
    }

    public static PipelineBuilder UseCleaner(this PipelineBuilder b) => b.Use(new BoilerplateCleaner());
    public static PipelineBuilder UseTokenizer(this PipelineBuilder b) => b.Use(new Tokenizer());
    public static PipelineBuilder UseActors(this PipelineBuilder b, KnowledgeBase? kb = null) => b.Use(new ActorResolver(kb));
    public static PipelineBuilder UseCoder(this PipelineBuilder b, VerbPatternSet? patterns = null) => b.Use(new EventCoder(patterns));

    /// <summary>Adds tagging and parsing with the embedded models (skipped when this build carries no models).</summary>
    public static PipelineBuilder UseSyntax(this PipelineBuilder b, SyntaxModels? models = null, VerbPatternSet? patterns = null, bool parseAll = false)
    {
        if (models is null)
        {
            if (!Util.EmbeddedData.Exists("models/tagger-en.bin") || !Util.EmbeddedData.Exists("models/parser-en.bin")) return b;
            models = SyntaxModels.LoadDefault();
        }
        return b.Use(new SyntaxComponent(models, patterns, parseAll));
    }
}
