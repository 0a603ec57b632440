using Dyad.Documents;
using Dyad.Errors;

namespace Dyad.Pipeline;

/// <summary>
/// Assembles components in order and checks that each one's requirements are met by those before it.
/// <c>Build()</c> freezes the result; a built <see cref="DyadPipeline"/> is immutable and shared.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineComponent> _components = new();

    public PipelineBuilder Use(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    public IReadOnlyList<IPipelineComponent> Components => _components;

    /// <summary>Checks the order and freezes the pipeline.</summary>
    /// <exception cref="DyadException">A component requires a layer that no earlier component provides.</exception>
    public DyadPipeline Build()
    {
        var available = Annotation.None;
        foreach (var c in _components)
        {
            var missing = c.Requires & ~available;
            if (missing != Annotation.None)
            {
                throw new DyadException(ErrorCatalog.PipelineMissingLayer(c.Name, missing, Providers(missing)));
            }
            available |= c.Provides;
        }
        return new DyadPipeline(_components.ToArray(), available);
    }

    private static string Providers(Annotation missing)
    {
        // The usual provider of each layer, named in the message so the fix is obvious.
        var names = new List<string>();
        if ((missing & (Annotation.CleanText | Annotation.Paragraphs)) != 0) names.Add("the cleaner");
        if ((missing & (Annotation.Tokens | Annotation.Sentences)) != 0) names.Add("the tokenizer");
        if ((missing & (Annotation.PartOfSpeech | Annotation.Lemmas | Annotation.Dependencies)) != 0) names.Add("the syntax stage");
        if ((missing & Annotation.Actors) != 0) names.Add("the actor resolver");
        if ((missing & Annotation.Events) != 0) names.Add("the event coder");
        return string.Join(", ", names);
    }
}

/// <summary>A frozen sequence of components; thread-safe to share.</summary>
public sealed class DyadPipeline
{
    private readonly IPipelineComponent[] _components;

    internal DyadPipeline(IPipelineComponent[] components, Annotation provides)
    {
        _components = components;
        Provides = provides;
        _ticks = new long[components.Length];
    }

    public IReadOnlyList<IPipelineComponent> Components => _components;
    public Annotation Provides { get; }

    public Document Process(Article article, bool trace = false)
    {
        var doc = new Document(article, trace);
        if (!_timing)
        {
            foreach (var c in _components) c.Process(doc);
            return doc;
        }
        for (int i = 0; i < _components.Length; i++)
        {
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            _components[i].Process(doc);
            Interlocked.Add(ref _ticks[i], System.Diagnostics.Stopwatch.GetTimestamp() - t0);
        }
        return doc;
    }

    private readonly long[] _ticks;
    private volatile bool _timing;

    /// <summary>Starts (or stops) measuring the time spent in each component; see <see cref="ComponentSeconds"/>.</summary>
    public void MeasureComponents(bool on)
    {
        if (on) Array.Clear(_ticks);
        _timing = on;
    }

    /// <summary>Seconds spent in each component (summed over threads) since <see cref="MeasureComponents"/> was turned on.</summary>
    public IReadOnlyList<(string Component, double Seconds)> ComponentSeconds()
    {
        var r = new (string, double)[_components.Length];
        for (int i = 0; i < r.Length; i++)
            r[i] = (_components[i].Name, Interlocked.Read(ref _ticks[i]) / (double)System.Diagnostics.Stopwatch.Frequency);
        return r;
    }
}
