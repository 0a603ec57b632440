using Dyad.Documents;

namespace Dyad.Pipeline;

/// <summary>
/// One stage of the pipeline. A component declares the layers it needs and the layers it adds; it must be safe to
/// call <see cref="Process"/> concurrently on different documents (keep per-document state on the document).
/// </summary>
public interface IPipelineComponent
{
    string Name { get; }
    Annotation Requires { get; }
    Annotation Provides { get; }
    void Process(Document document);
}
