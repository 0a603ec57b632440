using BenchmarkDotNet.Attributes;
using Dyad.Syntax;

namespace Dyad.Bench;

/// <summary>
/// Tagging and parsing throughput of the shipped English models on one thread. Input: the UD English EWT dev
/// sentences when ../shared/data is beside the checkout, otherwise built-in news-like sentences; the first
/// <see cref="Sentences"/> of them per operation.
/// </summary>
[MemoryDiagnoser]
public class SyntaxBenchmarks
{
    private static readonly string[] Fallback =
    [
        "Mexico criticized the United States on Tuesday over its new border policy .",
        "The talks were hosted by Qatar and attended by envoys from both sides .",
        "The United States and Mexico resumed talks after a two - month pause .",
        "The minister , who visited Seoul last week , said the agreement would be signed soon .",
        "Blinken said that Russia attacked Ukraine with drones overnight , killing at least three people .",
    ];

    private SyntaxModels _models = null!;
    private string[][] _sentences = [];
    private UPos[] _upos = new UPos[1024];
    private int[] _xpos = new int[1024];
    private int[] _heads = new int[1024];
    private DepRel[] _rels = new DepRel[1024];

    [Params(100, 1000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _models = SyntaxModels.LoadDefault();
        var all = LoadSentences();
        _sentences = new string[Sentences][];
        for (int i = 0; i < Sentences; i++)
            _sentences[i] = all[i % all.Count];
        int max = _sentences.Max(s => s.Length);
        _upos = new UPos[max];
        _xpos = new int[max];
        _heads = new int[max];
        _rels = new DepRel[max];
    }

    private static List<string[]> LoadSentences()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "shared", "data", "ud-english-ewt", "en_ewt-ud-dev.conllu");
            if (File.Exists(path))
            {
                Console.WriteLine($"SyntaxBenchmarks: input {path}");
                return Conllu.ReadFile(path).Select(s => s.Words.Select(w => w.Form).ToArray()).ToList();
            }
        }
        // Say so: figures over these five short sentences are not comparable with figures over EWT dev.
        Console.WriteLine("SyntaxBenchmarks: input the five built-in sentences (shared/data not found above the build folder)");
        return Fallback.Select(s => s.Split(' ')).ToList();
    }

    [Benchmark]
    public int Tag()
    {
        int n = 0;
        foreach (var s in _sentences)
        {
            _models.Tagger.Tag(s, _upos, _xpos);
            n += s.Length;
        }
        return n;
    }

    [Benchmark]
    public int TagAndParse()
    {
        int n = 0;
        foreach (var s in _sentences)
        {
            _models.Tagger.Tag(s, _upos, _xpos);
            _models.Parser.Parse(s, _upos, _xpos, _heads, _rels);
            n += s.Length;
        }
        return n;
    }
}
