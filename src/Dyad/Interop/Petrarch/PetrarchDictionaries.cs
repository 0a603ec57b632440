using Dyad.Actors;
using Dyad.Cleaning;
using Dyad.Coding;
using Dyad.Knowledge;
using Dyad.Pipeline;
using Dyad.Text;

namespace Dyad.Interop.Petrarch;

/// <summary>
/// A set of PETRARCH dictionaries (verbs, actors, agents, discards) read into Dyad: verb patterns for the
/// <see cref="EventCoder"/>, the actors and agents both as a Dyad <see cref="KnowledgeBase"/> (see
/// <see cref="PetrarchKnowledge"/>) and as a PETRARCH-faithful resolver (<see cref="PetrarchActorResolver"/>).
/// The dictionaries are read from the user's files at run time; nothing of them is shipped with Dyad.
/// </summary>
public sealed class PetrarchDictionaries
{
    private KnowledgeBase? _kb;

    private PetrarchDictionaries(VerbPatternSet verbs, PetrarchVerbReader.Result verbInfo, List<PetrarchActor> actors,
        List<PetrarchAgent> agents, List<PetrarchDiscard> discards)
    {
        Verbs = verbs;
        VerbInfo = verbInfo;
        Actors = actors;
        Agents = agents;
        Discards = discards;
    }

    public VerbPatternSet Verbs { get; }
    public PetrarchVerbReader.Result VerbInfo { get; }
    public IReadOnlyList<PetrarchActor> Actors { get; }
    public IReadOnlyList<PetrarchAgent> Agents { get; }
    public IReadOnlyList<PetrarchDiscard> Discards { get; }

    /// <summary>The actors and agents converted to a knowledge base on their own (built on first use).</summary>
    public KnowledgeBase KnowledgeBase => _kb ??= KnowledgeBase.Build(PetrarchKnowledge.Convert(Actors, Agents).Files);

    /// <summary>
    /// Reads the dictionaries in <paramref name="dir"/>. Files are picked by name: <c>*verbs*</c> (or <c>CAMEO*.txt</c>),
    /// <c>*actors*</c> (all of them), <c>*agents*</c>, <c>*discards*</c>; <paramref name="prefix"/> restricts the choice
    /// to files starting with it ("PETR.Validate.", "Phoenix.") where a folder holds several sets.
    /// </summary>
    public static PetrarchDictionaries Load(string dir, string? prefix = null)
    {
        var files = Directory.GetFiles(dir, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        string[] Pick(string part) => files.Where(f =>
        {
            var name = Path.GetFileName(f);
            return (prefix is null || name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                && name.Contains(part, StringComparison.OrdinalIgnoreCase);
        }).ToArray();
        var verbs = Pick("verbs");
        if (verbs.Length == 0) verbs = files.Where(f => Path.GetFileName(f).StartsWith("CAMEO", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (verbs.Length == 0) throw new FileNotFoundException($"no PETRARCH verb dictionary (*verbs*.txt or CAMEO*.txt) in {dir}");
        return LoadFiles(verbs[0], Pick("actors"), Pick("agents"), Pick("discards"));
    }

    /// <summary>Reads the named dictionary files (any list may be empty).</summary>
    public static PetrarchDictionaries LoadFiles(string verbFile, IEnumerable<string> actorFiles, IEnumerable<string> agentFiles,
        IEnumerable<string> discardFiles)
    {
        var info = PetrarchVerbReader.Read(File.ReadAllLines(verbFile), Path.GetFileName(verbFile));
        var verbs = VerbPatternSet.Create(info.Patterns, VerbPatternSet.Default.Irregular, info.Forms);
        var actors = new List<PetrarchActor>();
        foreach (var f in actorFiles) actors.AddRange(PetrarchActorReader.ReadActors(File.ReadAllLines(f)));
        var agents = new List<PetrarchAgent>();
        foreach (var f in agentFiles) agents.AddRange(PetrarchActorReader.ReadAgents(File.ReadAllLines(f)));
        var discards = new List<PetrarchDiscard>();
        foreach (var f in discardFiles) discards.AddRange(PetrarchActorReader.ReadDiscards(File.ReadAllLines(f)));
        return new PetrarchDictionaries(verbs, info, actors, agents, discards);
    }

    /// <summary>Builds from dictionary text already in memory (tests, embedded uses).</summary>
    public static PetrarchDictionaries FromText(string verbs, string actors, string agents = "", string discards = "")
    {
        var info = PetrarchVerbReader.Read(Lines(verbs), "verbs");
        var set = VerbPatternSet.Create(info.Patterns, VerbPatternSet.Default.Irregular, info.Forms);
        return new PetrarchDictionaries(set, info, PetrarchActorReader.ReadActors(Lines(actors)),
            PetrarchActorReader.ReadAgents(Lines(agents)), PetrarchActorReader.ReadDiscards(Lines(discards)));
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>
    /// A pipeline that codes with these dictionaries the way PETRARCH does: its actor resolver, its patterns, no intent
    /// recoding (PETRARCH patterns spell out modality themselves). Syntax runs when the build carries models.
    /// </summary>
    /// <param name="options">Coder options (default <see cref="EventCoderOptions.Petrarch"/>).</param>
    public PipelineBuilder CreateBuilder(EventCoderOptions? options = null) =>
        new PipelineBuilder().UseCleaner().UseTokenizer()
            .Use(new PetrarchActorResolver(Actors, Agents, Discards))
            .UseSyntax(patterns: Verbs, oneActor: !(options ?? EventCoderOptions.Petrarch).RequireDyad)
            .Use(new EventCoder(Verbs, IntentMap.Load([]), options ?? EventCoderOptions.Petrarch));

    /// <summary>The standard Dyad pipeline over the converted knowledge base and these patterns.</summary>
    public PipelineBuilder CreateKnowledgeBaseBuilder() => DyadEngine.CreateBuilder(KnowledgeBase, Verbs);

    /// <summary>
    /// The standard Dyad pipeline with these dictionaries added to Dyad's own: the actors and agents laid over the
    /// embedded knowledge base (see <see cref="KnowledgeBaseOver"/>), the verb patterns joined to Dyad's
    /// (<see cref="PatternsOver"/>). Dyad's coding conventions (intents, negation, hypotheticals) stay on.
    /// </summary>
    public PipelineBuilder CreateCombinedBuilder() =>
        DyadEngine.CreateBuilder(KnowledgeBaseOver(KnowledgeFile.Embedded()), PatternsOver(VerbPatternSet.Default));

    /// <summary>A knowledge base from <paramref name="baseFiles"/> with the converted actors and agents added (countries the base declares keep its ISO codes).</summary>
    public KnowledgeBase KnowledgeBaseOver(IEnumerable<KnowledgeFile> baseFiles)
    {
        var files = baseFiles.ToList();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (!f.Path.StartsWith("actors/countries", StringComparison.Ordinal)) continue;
            foreach (var line in f.Text.AsSpan().EnumerateLines())
            {
                int tab = line.IndexOf('\t');
                if (tab == 3 && line[(tab + 1)..].StartsWith("iso2\t", StringComparison.Ordinal)) known.Add(line[..3].ToString());
            }
        }
        var converted = PetrarchKnowledge.Convert(Actors, Agents, known);
        // what the base already says stays as it is: drop repeated lines, and entries for names the base defines
        var baseLines = new HashSet<string>(StringComparer.Ordinal);
        var baseNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in files)
        {
            foreach (var line in f.Text.Split('\n'))
            {
                var l = line.TrimEnd('\r');
                if (l.Length == 0 || l[0] == '#') continue;
                baseLines.Add(l);
                var cols = l.Split('\t');
                if (cols.Length >= 3 && !f.Path.StartsWith("actors/countries", StringComparison.Ordinal)) { baseNames.Add(cols[0]); baseNames.Add(cols[2]); }
                if (cols.Length >= 3 && cols[1] is "name" or "adj" or "demonym" or "capital") baseNames.Add(cols[2]);
            }
        }
        var kept = new List<KnowledgeFile>();
        foreach (var f in converted.Files)
        {
            bool countries = f.Path.StartsWith("actors/countries", StringComparison.Ordinal);
            var sb = new System.Text.StringBuilder();
            foreach (var l in f.Text.Split('\n'))
            {
                if (l.Length == 0) continue;
                if (l[0] != '#')
                {
                    if (baseLines.Contains(l)) continue;
                    var cols = l.Split('\t');
                    if (countries ? cols.Length >= 3 && cols[1] == "name" && baseNames.Contains(cols[2]) : baseNames.Contains(cols[0])) continue;
                }
                sb.Append(l).Append('\n');
            }
            kept.Add(new KnowledgeFile(f.Path, sb.ToString()));
        }
        return KnowledgeBase.Build(KnowledgeFile.Overlay(files, kept));
    }

    /// <summary><paramref name="basePatterns"/> and these patterns in one set (the most specific pattern at a verb still wins).</summary>
    public VerbPatternSet PatternsOver(VerbPatternSet basePatterns)
    {
        var all = new List<VerbPattern>(basePatterns.Patterns.Count + VerbInfo.Patterns.Count);
        all.AddRange(basePatterns.Patterns);
        all.AddRange(VerbInfo.Patterns);
        return VerbPatternSet.Create(all, basePatterns.Irregular, VerbInfo.Forms);
    }
}
