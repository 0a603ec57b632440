using System.Security.Cryptography;
using System.Text;

namespace Dyad.Syntax;

/// <summary>
/// Metadata carried by a tagger or parser model file: its kind, format version, and key/value pairs such as
/// "training-data", "features", "iterations", "seed" and "scores". Read-only.
/// </summary>
public sealed class ModelInfo
{
    internal ModelInfo(string kind, int formatVersion, IReadOnlyList<KeyValuePair<string, string>> metadata, string sha256)
    {
        Kind = kind;
        FormatVersion = formatVersion;
        Metadata = metadata;
        Sha256 = sha256;
    }

    /// <summary>"tagger" or "parser".</summary>
    public string Kind { get; }
    public int FormatVersion { get; }
    /// <summary>Metadata in the order it was written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }
    /// <summary>Hex SHA-256 of the payload, verified on load.</summary>
    public string Sha256 { get; }

    /// <summary>The value for a metadata key, or null.</summary>
    public string? this[string key]
    {
        get
        {
            foreach (var kv in Metadata)
                if (kv.Key == key)
                    return kv.Value;
            return null;
        }
    }
}

/// <summary>
/// The container for model files: magic "DYADMODL", format version, kind, payload length, SHA-256 of the payload,
/// then the payload (metadata followed by the model's sections), all little-endian.
/// </summary>
internal static class ModelFile
{
    private static readonly byte[] Magic = "DYADMODL"u8.ToArray();
    public const int FormatVersion = 1;

    public static void Save(Stream output, string kind, IReadOnlyList<KeyValuePair<string, string>> metadata,
        Action<BinaryWriter> writePayload)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(metadata.Count);
            foreach (var kv in metadata)
            {
                w.Write(kv.Key);
                w.Write(kv.Value);
            }
            writePayload(w);
        }
        byte[] bytes = payload.ToArray();
        byte[] hash = SHA256.HashData(bytes);
        using var o = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        o.Write(Magic);
        o.Write(FormatVersion);
        o.Write(kind);
        o.Write((long)bytes.Length);
        o.Write(hash);
        o.Write(bytes);
    }

    /// <summary>Reads and verifies the container; returns the metadata and a reader positioned after it.</summary>
    public static (ModelInfo Info, BinaryReader Payload) Open(Stream input, string expectedKind)
    {
        using var r = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
            throw new InvalidDataException("Not a Dyad model file (bad magic).");
        int version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Unsupported model format version {version} (expected {FormatVersion}).");
        string kind = r.ReadString();
        if (kind != expectedKind)
            throw new InvalidDataException($"Model file holds a {kind}, expected a {expectedKind}.");
        long length = r.ReadInt64();
        if (length < 0 || length > int.MaxValue)
            throw new InvalidDataException("Bad model payload length.");
        byte[] hash = r.ReadBytes(32);
        byte[] bytes = r.ReadBytes((int)length);
        if (bytes.Length != length)
            throw new InvalidDataException("Model file is truncated.");
        byte[] actual = SHA256.HashData(bytes);
        if (!actual.AsSpan().SequenceEqual(hash))
            throw new InvalidDataException("Model file checksum mismatch (corrupted payload).");
        var pr = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        int n = pr.ReadInt32();
        var meta = new List<KeyValuePair<string, string>>(n);
        for (int i = 0; i < n; i++)
        {
            string k = pr.ReadString();
            meta.Add(new(k, pr.ReadString()));
        }
        return (new ModelInfo(kind, version, meta, Convert.ToHexStringLower(actual)), pr);
    }

    public static void WriteStrings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var s in items)
            w.Write(s);
    }

    public static string[] ReadStrings(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000)
            throw new InvalidDataException("Bad string table length.");
        var result = new string[n];
        for (int i = 0; i < n; i++)
            result[i] = string.Intern(r.ReadString());
        return result;
    }

    /// <summary>Opens an embedded model resource of the Dyad assembly ("dyad/models/&lt;file&gt;").</summary>
    public static Stream OpenEmbedded(string file)
    {
        string name = "dyad/models/" + file;
        return typeof(ModelFile).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The embedded model '{name}' is missing from the Dyad assembly.");
    }
}
