using System.Buffers;

namespace Dyad.Reading.Web;

/// <summary>
/// Reads class and id names for hints about what a container holds: the article (positive) or page furniture
/// (negative). Long words match anywhere in the names; short ones only as whole name parts.
/// </summary>
internal static class ClassHints
{
    // Furniture that is never part of an article body, whatever else the names say.
    private static readonly string[] Strong =
    {
        "comment", "disqus", "related", "newsletter", "cookie", "consent", "gdpr", "outbrain", "taboola", "recirc",
        "popup", "modal", "advert", "sponsor", "subscribe", "subscription", "signup", "sign-up", "promo",
        "social", "share", "sharing", "recommend", "trending", "most-popular", "mostpopular",
        "most-read", "mostread", "more-stories", "morestories", "read-more", "readmore", "also-like", "you-may-like",
        "newsfeed", "byline", "dateline", "caption", "credit", "author-bio", "authorbio", "author-info",
        "visually-hidden", "sr-only", "screen-reader", "audio-player", "video-player", "inline-video", "ad-container",
        "adslot", "ad-slot", "adunit", "ad-unit", "dfp", "correction", "disclaimer", "editor-note", "tooltip",
        "rollover", "hovercard", "popover",
    };

    // Furniture unless the names also say content ("content-with-sidebar" holds the article).
    private static readonly string[] Weak =
    {
        "breadcrumb", "pagination", "jump-link", "skip-link", "toolbar", "tag-list", "taglist", "keywords", "topics",
        "print-only", "banner", "masthead", "navbar", "navigation", "sidebar", "widget", "footer", "header", "menu", "rss",
        "login", "inline-link", "story-link", "storylink", "card-list", "timestamp", "publish-date", "article-meta",
        "post-meta", "entry-meta", "meta-data", "metadata", "headline", "subhead", "kicker", "lightbox", "gallery",
        "slideshow", "carousel",
    };

    // Whole-name parts (split at '-', '_', ' ').
    private static readonly HashSet<string> StrongTokens = new(StringComparer.Ordinal)
    {
        "ad", "ads", "share", "sponsored", "native", "shopping", "cta", "teaser", "teasers",
    };

    private static readonly HashSet<string> WeakTokens = new(StringComparer.Ordinal)
    {
        "nav", "aside", "meta", "tools", "tags", "tag", "hide", "hid", "date", "author", "print", "email", "links",
        "extra", "bio", "signin",
    };

    private static readonly string[] Positive =
    {
        "article", "content", "entry", "story", "post-body", "postbody", "post-content", "main", "text", "body", "blog",
        "hentry", "prose", "rich-text", "richtext", "paragraph",
    };

    private static readonly SearchValues<string> StrongSearch = SearchValues.Create(Strong, StringComparison.Ordinal);
    private static readonly SearchValues<string> WeakSearch = SearchValues.Create(Weak, StringComparison.Ordinal);
    private static readonly SearchValues<string> PositiveSearch = SearchValues.Create(Positive, StringComparison.Ordinal);

    /// <summary>True when the names mark page furniture.</summary>
    public static bool IsNegative(string? hint)
    {
        if (hint is null) return false;
        // Embedded posts (tweets and the like) quoted in an article are part of it.
        if (IsEmbeddedPost(hint)) return false;
        if (hint.AsSpan().IndexOfAny(StrongSearch) >= 0 || HasToken(hint, StrongTokens)) return true;
        return (hint.AsSpan().IndexOfAny(WeakSearch) >= 0 || HasToken(hint, WeakTokens)) && !IsPositive(hint);
    }

    /// <summary>True when the names mark a quoted social media post (an embedded tweet, say).</summary>
    public static bool IsEmbeddedPost(string? hint) =>
        hint is not null
        && (hint.Contains("tweet", StringComparison.Ordinal) || hint.Contains("twitter", StringComparison.Ordinal) || hint.Contains("instagram", StringComparison.Ordinal)
            || (hint.Contains("embed", StringComparison.Ordinal) && hint.Contains("social", StringComparison.Ordinal)))
        && !hint.Contains("comment", StringComparison.Ordinal) && !hint.Contains("share", StringComparison.Ordinal) && !hint.Contains("follow", StringComparison.Ordinal);

    /// <summary>True when the names suggest article content.</summary>
    public static bool IsPositive(string? hint) => hint is not null && hint.AsSpan().IndexOfAny(PositiveSearch) >= 0;

    /// <summary>+25 for article-like names, -25 for furniture, 0 otherwise (both: 0).</summary>
    public static int Weight(string? hint)
    {
        if (hint is null) return 0;
        int w = 0;
        if (IsPositive(hint)) w += 25;
        if (IsNegative(hint)) w -= 25;
        return w;
    }

    private static bool HasToken(string hint, HashSet<string> tokens)
    {
        var lookup = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> s = hint;
        int start = 0;
        for (int i = 0; i <= s.Length; i++)
        {
            if (i == s.Length || !char.IsAsciiLetterOrDigit(s[i]))
            {
                if (i > start && lookup.Contains(s[start..i])) return true;
                start = i + 1;
            }
        }
        return false;
    }
}
