namespace Dyad.Knowledge;

/// <summary>The parsed, validated records of the knowledge base, before indexing. What the binary form stores.</summary>
internal sealed class KnowledgeData
{
    public required Country[] Countries { get; init; }
    public required Organization[] Organizations { get; init; }
    public required Agent[] Agents { get; init; }
    public required Person[] People { get; init; }
    /// <summary>The gazetteer; may be read on first use (it is most of the data and many programs never need it).</summary>
    public required Lazy<City[]> LazyCities { get; init; }
    public City[] Cities => LazyCities.Value;
}
