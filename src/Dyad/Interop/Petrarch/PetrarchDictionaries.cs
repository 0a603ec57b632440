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
    public PipelineBuilder CreateBuilder() =>
        new PipelineBuilder().UseCleaner().UseTokenizer()
            .Use(new PetrarchActorResolver(Actors, Agents, Discards))
            .UseSyntax(patterns: Verbs)
            .Use(new EventCoder(Verbs, IntentMap.Load([]), EventCoderOptions.Petrarch));

    /// <summary>The standard Dyad pipeline over the converted knowledge base and these patterns.</summary>
    public PipelineBuilder CreateKnowledgeBaseBuilder() => DyadEngine.CreateBuilder(KnowledgeBase, Verbs);
}
