using Dyad.Documents;
using Dyad.Errors;
using Dyad.Pipeline;
using Dyad.Reading;

namespace Dyad.Processing;

/// <summary>Counts from one run.</summary>
public sealed class RunSummary
{
    public long Articles;
    public long Sentences;
    public long Tokens;
    public long Events;
    public long Errors;
    public long Warnings;
    public TimeSpan Elapsed;
    /// <summary>The latest publication date among the articles read (null when none had a date).</summary>
    public DateOnly? LatestDate;
    /// <summary>Articles without a publication date (coded as of the day of the run).</summary>
    public long Undated;
}

/// <summary>
/// Runs a pipeline over a stream of read results in parallel batches, handing documents to a sink in input order.
/// A problem with one article (unreadable, or failing in a component) is reported and the run goes on.
/// </summary>
public sealed class BatchRunner
{
    private readonly DyadPipeline _pipeline;

    public BatchRunner(DyadPipeline pipeline, int threads = 0)
    {
        _pipeline = pipeline;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    public int Threads { get; }
    public int BatchSize { get; init; } = 64;

    /// <summary>Called with (articles done, current origin) after each batch.</summary>
    public Action<long, string?>? Progress { get; init; }

    public RunSummary Run(IEnumerable<ReadResult> input, Action<Document> sink, Action<DyadError, bool> report)
    {
        var summary = new RunSummary();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var batch = new List<Article>(BatchSize);
        var docs = new Document?[BatchSize];
        var failures = new DyadError?[BatchSize];
        foreach (var r in input)
        {
            if (r.Error is { } err)
            {
                report(err, r.IsWarning);
                if (r.IsWarning) summary.Warnings++;
                else summary.Errors++;
            }
            if (r.Article is null) continue;
            if (r.Article.Published is not { } d) summary.Undated++;
            else if (summary.LatestDate is null || d > summary.LatestDate) summary.LatestDate = d;
            batch.Add(r.Article);
            if (batch.Count == BatchSize) Flush();
        }
        Flush();
        summary.Elapsed = started.Elapsed;
        return summary;

        void Flush()
        {
            if (batch.Count == 0) return;
            int n = batch.Count;
            Array.Clear(docs);
            Array.Clear(failures);
            if (Threads == 1 || n == 1)
            {
                for (int i = 0; i < n; i++) ProcessOne(i);
            }
            else
            {
                Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Threads }, ProcessOne);
            }
            for (int i = 0; i < n; i++)
            {
                if (failures[i] is { } f)
                {
                    report(f, false);
                    summary.Errors++;
                    continue;
                }
                var d = docs[i]!;
                summary.Articles++;
                summary.Sentences += d.Sentences.Count;
                summary.Tokens += d.TokenCount;
                summary.Events += d.Events.Count;
                sink(d);
            }
            Progress?.Invoke(summary.Articles, batch[n - 1].Origin);
            batch.Clear();
        }

        void ProcessOne(int i)
        {
            var a = batch[i];
            try
            {
                docs[i] = _pipeline.Process(a);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures[i] = ErrorCatalog.ProcessingFailed(a.Origin ?? a.OutputId, $"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}
