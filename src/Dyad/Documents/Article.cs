namespace Dyad.Documents;

/// <summary>
/// A news article as read from its source, before cleaning: the headline and the raw body text,
/// with whatever metadata the source carried.
/// </summary>
public sealed class Article
{
    public Article(string? title, string body, DateOnly? published = null, string? url = null, string? outlet = null,
        string? externalId = null, string? origin = null)
    {
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        Body = body;
        Published = published;
        Url = url;
        Outlet = outlet;
        ExternalId = externalId;
        Origin = origin;
        Id = ArticleId.FromContent(Title, body);
    }

    /// <summary>Stable content hash of headline and body.</summary>
    public ArticleId Id { get; }
    public string? Title { get; }
    public string Body { get; }
    /// <summary>Publication date, when the source gave one (or the user did, with --date).</summary>
    public DateOnly? Published { get; init; }
    public string? Url { get; }
    public string? Outlet { get; }
    /// <summary>The id the input gave the article (JSON Lines <c>id</c>), reported as <c>article_id</c> when present.</summary>
    public string? ExternalId { get; }
    /// <summary>Where the article came from, for messages: a path, and a line for JSON Lines.</summary>
    public string? Origin { get; }

    /// <summary>The id written in outputs: the input's own id when it gave one, else the content hash.</summary>
    public string OutputId => ExternalId ?? Id.ToString();

    public Article WithPublished(DateOnly? date) => new(Title, Body, date, Url, Outlet, ExternalId, Origin);
}
