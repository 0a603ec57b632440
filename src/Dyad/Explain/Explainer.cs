using Dyad.Coding;
using Dyad.Documents;
using Dyad.Pipeline;

namespace Dyad.Explain;

/// <summary>
/// Shows how a text was read and coded: removed boilerplate, sentences and tokens (with tags and arcs when parsed),
/// the actors found and why, each pattern tried and why it fired or not, and the events.
/// </summary>
public static class Explainer
{
    public static Document Explain(DyadPipeline pipeline, Article article, TextWriter w)
    {
        var doc = pipeline.Process(article, trace: true);
        Write(doc, w);
        return doc;
    }

    public static void Write(Document doc, TextWriter w)
    {
        var a = doc.Article;
        w.WriteLine($"article {a.OutputId}  date {a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");
        if (a.Title is not null) w.WriteLine($"headline: {a.Title}");
        w.WriteLine();
        w.WriteLine($"removed boilerplate ({doc.Removed.Count}):");
        foreach (var r in doc.Removed) w.WriteLine($"  [{r.Reason}] {Shorten(r.Text, 160)}");
        w.WriteLine();
        var syn = doc.Syntax;
        for (int si = 0; si < doc.Sentences.Count; si++)
        {
            var s = doc.Sentences[si];
            w.WriteLine($"sentence {si} [{s.Span.Start},{s.Span.End}){(doc.Paragraphs[s.Paragraph].IsHeadline ? " (headline)" : "")}: {doc.Text.AsSpan(s.Span.Start, s.Span.Length)}");
            w.Write("  tokens:");
            for (int t = s.FirstToken; t < s.EndToken; t++)
            {
                w.Write(' ');
                w.Write(doc.Word(t));
                if (syn is not null && syn.Parsed[t])
                {
                    w.Write('/');
                    w.Write(syn.Upos[t]);
                }
            }
            w.WriteLine();
            if (syn is not null && !syn.Parsed[s.FirstToken])
            {
                w.WriteLine("  parse: skipped (fewer than two actors or no pattern verb: no event can come from this sentence)");
            }
            if (syn is not null && syn.Parsed[s.FirstToken])
            {
                w.Write("  parse:");
                for (int t = s.FirstToken; t < s.EndToken; t++)
                {
                    int h = syn.Head[t];
                    w.Write($" {syn.Rel[t]}({(h < 0 ? "ROOT" : doc.Word(h))}, {doc.Word(t)})");
                }
                w.WriteLine();
            }
            foreach (var m in doc.Mentions)
            {
                if (m.FirstToken < s.FirstToken || m.FirstToken >= s.EndToken) continue;
                w.WriteLine($"  actor '{doc.Text.AsSpan(m.Span.Start, m.Span.Length)}' -> {m.Code} ({m.Kind}): {m.Why}");
            }
            foreach (var (sent, component, message) in doc.Trace)
            {
                if (sent == si && component != "actors") w.WriteLine($"  {component}: {message}");
            }
            foreach (var e in doc.Events)
            {
                if (e.Sentence != si) continue;
                var info = CameoTable.Default.Lookup(e.Cameo);
                w.WriteLine($"  EVENT {e.Source.Code} -> {e.Target.Code}  {e.Cameo} {info?.Description}  (goldstein {info?.Goldstein}, quad {info?.QuadClass}, plover {info?.PloverEvent ?? "-"})");
                w.WriteLine($"        rule: {e.Pattern}; mentions {e.Mentions}; confidence {e.Confidence:0.00}");
            }
            w.WriteLine();
        }
        w.WriteLine($"events: {doc.Events.Count}");
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max), "...");
}
