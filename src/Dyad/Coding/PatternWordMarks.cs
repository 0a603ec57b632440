using Dyad.Documents;

namespace Dyad.Coding;

/// <summary>
/// Which pattern words (<see cref="VerbPatternSet.PatternWordsOf"/>) one sentence holds, for
/// <see cref="VerbPatternSet.CouldMatch"/> and <see cref="VerbPatternSet.Covers"/>. The parse gate and the coder
/// keep one per thread: <see cref="Mark"/> a sentence, test, then <see cref="Clear"/> before the next.
/// </summary>
public sealed class PatternWordMarks
{
    private bool[] _present = [];
    private readonly List<int> _touched = [];

    /// <summary>Indexed by pattern-word id; true for the words of the sentence last marked.</summary>
    public ReadOnlySpan<bool> Present => _present;

    /// <summary>Marks every pattern word of the sentence (one-letter words such as "a" too: patterns may need them).</summary>
    public void Mark(VerbPatternSet patterns, Document doc, Sentence s)
    {
        if (_present.Length < patterns.PatternWordCount) _present = new bool[patterns.PatternWordCount];
        Span<char> lower = stackalloc char[64];
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            var w = doc.Word(t);
            if (w.Length > lower.Length) continue;
            int n = w.AsSpan().ToLowerInvariant(lower);
            foreach (int id in patterns.PatternWordsOf(lower[..n]))
            {
                if (_present[id]) continue;
                _present[id] = true;
                _touched.Add(id);
            }
        }
    }

    /// <summary>Unmarks the words marked since the last clear.</summary>
    public void Clear()
    {
        foreach (int id in _touched) _present[id] = false;
        _touched.Clear();
    }
}
