using System.Globalization;
using Dyad.Coding;
using Dyad.Documents;
using Dyad.Reading;
using Dyad.Util;
using Microsoft.Data.Sqlite;

namespace Dyad.Storage;

/// <summary>A stored event, as <c>dyad events</c> lists it.</summary>
public sealed record StoredEvent(string EventId, string ArticleId, string? Date, string SourceCode, string? SourceText,
    string TargetCode, string? TargetText, string Cameo, int QuadClass, double? Goldstein, int Mentions, string Sentence,
    int Articles = 1, int Sources = 1);

/// <summary>Filters for <see cref="EventStore.Query"/>; codes match by prefix ("USA" matches "USAGOV", "04" matches "042").</summary>
public sealed record EventQuery(string? Source = null, string? Target = null, string? Code = null, DateOnly? From = null,
    DateOnly? To = null, int Limit = 1000);

/// <summary>
/// Articles and their events in SQLite. Each batch of articles is one transaction, so an interrupted ingest leaves no
/// half-written article; an article already stored (same id or same content) is skipped, so ingest can be resumed.
/// </summary>
public sealed class EventStore : IDisposable
{
    public const int SchemaVersion = 1;
    private readonly SqliteConnection _db;
    private readonly CameoTable _table;
    private SqliteTransaction? _tx;
    private SqliteCommand? _exists, _insertArticle, _insertEvent, _bumpEvent, _linkArticle, _countSources;
    private NearDuplicates? _sketches;
    private readonly List<string> _sketchIds = new();

    static EventStore() => SQLitePCL.Batteries_V2.Init();

    public EventStore(string path, CameoTable? table = null)
    {
        Path = path;
        _table = table ?? CameoTable.Default;
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;");
        CreateSchema();
    }

    public string Path { get; }

    private void CreateSchema()
    {
        Execute("""
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS articles(
              article_id TEXT PRIMARY KEY,
              content_hash TEXT NOT NULL,
              title TEXT, date TEXT, url TEXT, outlet TEXT, origin TEXT,
              text TEXT NOT NULL,
              simhash INTEGER NOT NULL,
              duplicate_of TEXT,
              sentences INTEGER NOT NULL,
              events INTEGER NOT NULL,
              ingested_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS articles_content ON articles(content_hash);
            CREATE TABLE IF NOT EXISTS events(
              event_id TEXT PRIMARY KEY,
              article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
              date TEXT,
              source_code TEXT NOT NULL, source_country TEXT, source_sectors TEXT, source_text TEXT,
              target_code TEXT NOT NULL, target_country TEXT, target_sectors TEXT, target_text TEXT,
              cameo TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL,
              plover_event TEXT, plover_mode TEXT,
              mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL DEFAULT 1, num_sources INTEGER NOT NULL DEFAULT 1,
              confidence REAL NOT NULL,
              sentence TEXT NOT NULL, sentence_index INTEGER NOT NULL,
              source_start INTEGER, source_end INTEGER, verb_start INTEGER, verb_end INTEGER, target_start INTEGER, target_end INTEGER,
              pattern TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS event_articles(
              event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
              article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
              outlet TEXT,
              PRIMARY KEY(event_id, article_id));
            CREATE INDEX IF NOT EXISTS events_date ON events(date);
            CREATE INDEX IF NOT EXISTS events_source ON events(source_code);
            CREATE INDEX IF NOT EXISTS events_target ON events(target_code);
            CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
            CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
            """);
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', $v)";
        cmd.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        cmd.Parameters.Clear();
        var v = Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (v != SchemaVersion.ToString(CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"{Path}: database schema version {v}, this program expects {SchemaVersion}");
    }

    private void Execute(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Starts a batch; everything written until <see cref="CommitBatch"/> is stored together or not at all.</summary>
    public void BeginBatch()
    {
        if (_tx is not null) return;
        _tx = _db.BeginTransaction();
        _exists = Prepare("SELECT 1 FROM articles WHERE article_id = $id OR content_hash = $hash LIMIT 1", "$id", "$hash");
        _insertArticle = Prepare("""
            INSERT INTO articles(article_id, content_hash, title, date, url, outlet, origin, text, simhash, duplicate_of, sentences, events, ingested_at)
            VALUES ($id, $hash, $title, $date, $url, $outlet, $origin, $text, $simhash, $dup, $sentences, $events, $at)
            """, "$id", "$hash", "$title", "$date", "$url", "$outlet", "$origin", "$text", "$simhash", "$dup", "$sentences", "$events", "$at");
        _bumpEvent = Prepare("UPDATE events SET mentions = mentions + $m, num_articles = num_articles + 1 WHERE event_id = $eid", "$m", "$eid");
        _linkArticle = Prepare("INSERT OR IGNORE INTO event_articles(event_id, article_id, outlet) VALUES ($eid, $aid, $outlet)", "$eid", "$aid", "$outlet");
        _countSources = Prepare("""
            UPDATE events SET num_sources = (SELECT count(DISTINCT coalesce(outlet, article_id)) FROM event_articles WHERE event_id = $eid)
            WHERE event_id = $eid
            """, "$eid");
        _insertEvent = Prepare("""
            INSERT OR IGNORE INTO events(event_id, article_id, date, source_code, source_country, source_sectors, source_text,
              target_code, target_country, target_sectors, target_text, cameo, root, quad_class, goldstein, plover_event, plover_mode,
              mentions, confidence, sentence, sentence_index, source_start, source_end, verb_start, verb_end, target_start, target_end, pattern)
            VALUES ($eid, $aid, $date, $sc, $scty, $ssec, $stext, $tc, $tcty, $tsec, $ttext, $cameo, $root, $quad, $gold, $pe, $pm,
              $mentions, $conf, $sent, $sidx, $ss, $se, $vs, $ve, $ts, $te, $pattern)
            """, "$eid", "$aid", "$date", "$sc", "$scty", "$ssec", "$stext", "$tc", "$tcty", "$tsec", "$ttext", "$cameo", "$root", "$quad",
            "$gold", "$pe", "$pm", "$mentions", "$conf", "$sent", "$sidx", "$ss", "$se", "$vs", "$ve", "$ts", "$te", "$pattern");
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        cmd.Prepare();
        return cmd;
    }

    /// <summary>
    /// Stores an article and its events in the current batch; returns false when it was already stored. A near
    /// duplicate of a stored article (the same wire story on another site) is stored as such, and its events count
    /// towards the original's events (mentions, articles, distinct sources) instead of being stored again.
    /// </summary>
    public bool Add(Document doc)
    {
        if (_tx is null) throw new InvalidOperationException("call BeginBatch() first");
        var a = doc.Article;
        if (IsStored(a)) return false;
        var ci = CultureInfo.InvariantCulture;
        var sketches = Sketches();
        ulong fingerprint = NearDuplicates.Fingerprint(doc.Text);
        int near = sketches.Find(fingerprint);
        string? duplicateOf = near >= 0 ? _sketchIds[near] : null;
        if (duplicateOf is null)
        {
            sketches.Add(fingerprint);
            _sketchIds.Add(a.OutputId);
        }
        var p = _insertArticle!.Parameters;
        p["$id"].Value = a.OutputId;
        p["$hash"].Value = a.Id.ToString();
        p["$title"].Value = (object?)a.Title ?? DBNull.Value;
        p["$date"].Value = (object?)a.Published?.ToString("yyyy-MM-dd", ci) ?? DBNull.Value;
        p["$url"].Value = (object?)a.Url ?? DBNull.Value;
        p["$outlet"].Value = (object?)a.Outlet ?? DBNull.Value;
        p["$origin"].Value = (object?)a.Origin ?? DBNull.Value;
        p["$text"].Value = doc.Text;
        p["$simhash"].Value = unchecked((long)fingerprint);
        p["$dup"].Value = (object?)duplicateOf ?? DBNull.Value;
        p["$sentences"].Value = doc.Sentences.Count;
        p["$events"].Value = doc.Events.Count;
        p["$at"].Value = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", ci);
        _insertArticle.ExecuteNonQuery();
        foreach (var e in doc.Events)
        {
            // Copies of one story share event ids: the id is computed from the first copy's article id.
            string eventId = duplicateOf is null ? e.EventId : GroupEventId(duplicateOf, e);
            bool bumped = false;
            if (duplicateOf is not null)
            {
                _bumpEvent!.Parameters["$m"].Value = e.Mentions;
                _bumpEvent.Parameters["$eid"].Value = eventId;
                bumped = _bumpEvent.ExecuteNonQuery() > 0;
            }
            if (!bumped) InsertEvent(e, eventId, a.OutputId, ci);
            _linkArticle!.Parameters["$eid"].Value = eventId;
            _linkArticle.Parameters["$aid"].Value = a.OutputId;
            _linkArticle.Parameters["$outlet"].Value = (object?)a.Outlet ?? DBNull.Value;
            _linkArticle.ExecuteNonQuery();
            if (bumped)
            {
                _countSources!.Parameters["$eid"].Value = eventId;
                _countSources.ExecuteNonQuery();
            }
        }
        return true;
    }

    /// <summary>Whether an article with this id or this content is already stored (within the open batch).</summary>
    private bool IsStored(Article article)
    {
        _exists!.Parameters["$id"].Value = article.OutputId;
        _exists.Parameters["$hash"].Value = article.Id.ToString();
        return _exists.ExecuteScalar() is not null;
    }

    private static string GroupEventId(string firstArticleId, CodedEvent e) =>
        XxHash64.HashUtf8(string.Create(CultureInfo.InvariantCulture,
            $"{firstArticleId}|{e.Source.Code}|{e.Target.Code}|{e.Cameo}|{e.Date:yyyy-MM-dd}")).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>SimHash sketches of the stored originals, loaded on first use.</summary>
    private NearDuplicates Sketches()
    {
        if (_sketches is not null) return _sketches;
        _sketches = new NearDuplicates();
        _sketchIds.Clear();
        using var cmd = _db.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = "SELECT article_id, simhash FROM articles WHERE duplicate_of IS NULL ORDER BY rowid";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            _sketches.Add(unchecked((ulong)r.GetInt64(1)));
            _sketchIds.Add(r.GetString(0));
        }
        return _sketches;
    }

    private void InsertEvent(CodedEvent e, string eventId, string articleId, CultureInfo ci)
    {
        var info = _table.Lookup(e.Cameo);
        var q = _insertEvent!.Parameters;
        q["$eid"].Value = eventId;
        q["$aid"].Value = articleId;
        q["$date"].Value = (object?)e.Date?.ToString("yyyy-MM-dd", ci) ?? DBNull.Value;
        q["$sc"].Value = e.Source.Code;
        q["$scty"].Value = (object?)e.Source.Country ?? DBNull.Value;
        q["$ssec"].Value = string.Join(';', e.Source.Sectors);
        q["$stext"].Value = e.Source.Text;
        q["$tc"].Value = e.Target.Code;
        q["$tcty"].Value = (object?)e.Target.Country ?? DBNull.Value;
        q["$tsec"].Value = string.Join(';', e.Target.Sectors);
        q["$ttext"].Value = e.Target.Text;
        q["$cameo"].Value = e.Cameo;
        q["$root"].Value = e.Cameo[..2];
        q["$quad"].Value = _table.QuadClassOf(e.Cameo);
        q["$gold"].Value = (object?)info?.Goldstein ?? DBNull.Value;
        q["$pe"].Value = (object?)info?.PloverEvent ?? DBNull.Value;
        q["$pm"].Value = (object?)info?.PloverMode ?? DBNull.Value;
        q["$mentions"].Value = e.Mentions;
        q["$conf"].Value = e.Confidence;
        q["$sent"].Value = e.SentenceText;
        q["$sidx"].Value = e.Sentence;
        q["$ss"].Value = e.Source.Span.Start;
        q["$se"].Value = e.Source.Span.End;
        q["$vs"].Value = e.VerbSpan.Start;
        q["$ve"].Value = e.VerbSpan.End;
        q["$ts"].Value = e.Target.Span.Start;
        q["$te"].Value = e.Target.Span.End;
        q["$pattern"].Value = e.Pattern;
        _insertEvent.ExecuteNonQuery();
    }

    public void CommitBatch()
    {
        if (_tx is null) return;
        _tx.Commit();
        DisposeBatch();
    }

    public void RollbackBatch()
    {
        if (_tx is null) return;
        _tx.Rollback();
        DisposeBatch();
        _sketches = null; // sketches of rolled-back articles must not linger
    }

    private void DisposeBatch()
    {
        _exists?.Dispose();
        _insertArticle?.Dispose();
        _insertEvent?.Dispose();
        _bumpEvent?.Dispose();
        _linkArticle?.Dispose();
        _countSources?.Dispose();
        _exists = _insertArticle = _insertEvent = _bumpEvent = _linkArticle = _countSources = null;
        _tx?.Dispose();
        _tx = null;
    }

    public (long Articles, long Events) Counts()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)";
        using var r = cmd.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1));
    }

    public List<StoredEvent> Query(EventQuery q)
    {
        using var cmd = _db.CreateCommand();
        var where = new List<string>();
        if (!string.IsNullOrEmpty(q.Source)) { where.Add("source_code LIKE $src || '%'"); cmd.Parameters.AddWithValue("$src", q.Source.ToUpperInvariant()); }
        if (!string.IsNullOrEmpty(q.Target)) { where.Add("target_code LIKE $tgt || '%'"); cmd.Parameters.AddWithValue("$tgt", q.Target.ToUpperInvariant()); }
        if (!string.IsNullOrEmpty(q.Code)) { where.Add("cameo LIKE $code || '%'"); cmd.Parameters.AddWithValue("$code", q.Code); }
        var ci = CultureInfo.InvariantCulture;
        if (q.From is { } f) { where.Add("date >= $from"); cmd.Parameters.AddWithValue("$from", f.ToString("yyyy-MM-dd", ci)); }
        if (q.To is { } t) { where.Add("date <= $to"); cmd.Parameters.AddWithValue("$to", t.ToString("yyyy-MM-dd", ci)); }
        cmd.CommandText = "SELECT event_id, article_id, date, source_code, source_text, target_code, target_text, cameo, quad_class, goldstein, mentions, sentence, num_articles, num_sources FROM events"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY date, article_id, sentence_index LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", q.Limit);
        var list = new List<StoredEvent>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new StoredEvent(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7),
                r.GetInt32(8), r.IsDBNull(9) ? null : r.GetDouble(9), r.GetInt32(10), r.GetString(11), r.GetInt32(12), r.GetInt32(13)));
        }
        return list;
    }

    public void Dispose()
    {
        RollbackBatch();
        _db.Dispose();
    }
}
