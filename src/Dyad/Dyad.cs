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

    public static PipelineBuilder UseCleaner(this PipelineBuilder b) => b.Use(new BoilerplateCleaner());
    public static PipelineBuilder UseTokenizer(this PipelineBuilder b) => b.Use(new Tokenizer());
    public static PipelineBuilder UseActors(this PipelineBuilder b, KnowledgeBase? kb = null) => b.Use(new ActorResolver(kb));
    public static PipelineBuilder UseCoder(this PipelineBuilder b, VerbPatternSet? patterns = null) => b.Use(new EventCoder(patterns));

    /// <summary>Adds tagging and parsing with the embedded models (skipped when this build carries no models).</summary>
    /// <param name="oneActor">Also parse sentences with a single actor (for a coder that codes missing actors).</param>
    public static PipelineBuilder UseSyntax(this PipelineBuilder b, SyntaxModels? models = null, VerbPatternSet? patterns = null, bool parseAll = false,
        bool oneActor = false)
    {
        if (models is null)
        {
            if (!Util.EmbeddedData.Exists("models/tagger-en.bin") || !Util.EmbeddedData.Exists("models/parser-en.bin")) return b;
            models = SyntaxModels.LoadDefault();
        }
        return b.Use(new SyntaxComponent(models, patterns, parseAll, oneActor));
    }
}
