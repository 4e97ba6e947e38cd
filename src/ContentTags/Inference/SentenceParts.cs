namespace ContentTags;

/// <summary>
/// A text's score split by sentence, gathered while the whole text is counted (one featurization pass): each sentence's
/// dot products with every tag's weights, its sum of squared counts, and the counts it shares with each of the next
/// few sentences. A window of consecutive sentences is then scored without featurizing it again: its dot products are
/// the sum of its sentences', and its squared norm is theirs plus twice what each pair of them shares. An n-gram
/// belongs to the sentence where it ends (so the word pair and the character n-grams that bridge two sentences go
/// with the second). Not thread-safe: one per thread.
/// </summary>
internal sealed class SentenceParts : IOccurrenceObserver
{
    private readonly LinearTagScorer _scorer;
    private readonly int _stride;
    private IReadOnlyList<Range> _sentences = [];
    private int _lag;            // how many following sentences a sentence's shared counts are kept for (window - 1)
    private int[] _source = new int[256];
    private int[] _starts = new int[16];  // normalized position where each sentence starts
    private int _cursor;

    // Per table position (per distinct slot of the current text): the sentence it was last seen in and its count
    // there, and the same for the sentences before that (newest first), _lag of them.
    private int[] _current = new int[256];
    private int[] _currentCount = new int[256];
    private int[] _history = [];
    private int[] _historyCount = [];

    public SentenceParts(LinearTagScorer scorer)
    {
        _scorer = scorer;
        _stride = scorer.Stride;
    }

    /// <summary>How many sentences the last text had.</summary>
    public int Count { get; private set; }

    /// <summary>Each sentence's dot products with the weights, <c>[sentence * Stride + tag]</c> (no scale, no bias).</summary>
    public float[] Dots { get; private set; } = new float[16 * 16];

    /// <summary>Each sentence's sum of squared n-gram counts.</summary>
    public double[] SumOfSquares { get; private set; } = new double[16];

    /// <summary>What sentence <c>i</c> shares with sentence <c>i + d</c>: the sum over slots of the product of their counts, at <c>[i * lag + d - 1]</c>.</summary>
    public double[] Shared { get; private set; } = new double[16];

    /// <summary>Prepares for a text split into <paramref name="sentences"/>, keeping shared counts for windows of <paramref name="window"/> sentences.</summary>
    public void Reset(IReadOnlyList<Range> sentences, int window)
    {
        _sentences = sentences;
        _lag = Math.Max(0, window - 1);
        Count = sentences.Count;
        if (SumOfSquares.Length < Count)
        {
            int size = Math.Max(Count, 2 * SumOfSquares.Length);
            Dots = new float[size * _stride];
            SumOfSquares = new double[size];
            _starts = new int[size];
        }
        if (Shared.Length < Count * _lag) Shared = new double[Math.Max(Count * _lag, 2 * Shared.Length)];
        Dots.AsSpan(0, Count * _stride).Clear();
        SumOfSquares.AsSpan(0, Count).Clear();
        Shared.AsSpan(0, Count * _lag).Clear();
    }

    /// <summary>The dot products of sentence <paramref name="i"/>.</summary>
    public Span<float> DotsOf(int i) => Dots.AsSpan(i * _stride, _stride);

    /// <summary>The squared norm of the window of sentences <paramref name="first"/> to <paramref name="first"/> + <paramref name="width"/> - 1.</summary>
    public double WindowSumOfSquares(int first, int width)
    {
        double sum = 0;
        for (int j = first; j < first + width; j++)
        {
            sum += SumOfSquares[j];
            for (int d = 1; j + d < first + width; d++) sum += 2 * Shared[j * _lag + d - 1];
        }
        return sum;
    }

    int[] IOccurrenceObserver.SourceIndexBuffer(int length)
    {
        ScratchBuffers.EnsureLength(ref _source, length);
        return _source;
    }

    void IOccurrenceObserver.Begin(int normalizedLength, int tableCapacity)
    {
        // Where each sentence starts in the normalized text: the first normalized character from at or after its start.
        int n = 0;
        for (int i = 0; i < Count; i++)
        {
            int start = _sentences[i].Start.Value;
            while (n < normalizedLength && _source[n] < start) n++;
            _starts[i] = n;
        }
        _cursor = 0;
        if (_current.Length < tableCapacity)
        {
            _current = new int[tableCapacity];
            _currentCount = new int[tableCapacity];
        }
        if (_history.Length < tableCapacity * _lag)
        {
            _history = new int[tableCapacity * _lag];
            _historyCount = new int[tableCapacity * _lag];
        }
    }

    void IOccurrenceObserver.NextPass() => _cursor = 0;

    void IOccurrenceObserver.Add(int slot, int end, int position, bool first)
    {
        while (_cursor + 1 < Count && end > _starts[_cursor + 1]) _cursor++;
        int i = _cursor;
        _scorer.AddWeights(slot, Dots, i * _stride);

        int lag = _lag;
        int h = position * lag;
        if (first)
        {
            _current[position] = i;
            _currentCount[position] = 0;
            for (int r = 0; r < lag; r++) _history[h + r] = -1;
        }
        else if (_current[position] != i)
        {
            // The slot moves on to a new sentence: the last one's count goes into the history, newest first.
            for (int r = lag - 1; r > 0; r--)
            {
                _history[h + r] = _history[h + r - 1];
                _historyCount[h + r] = _historyCount[h + r - 1];
            }
            if (lag > 0)
            {
                _history[h] = _current[position];
                _historyCount[h] = _currentCount[position];
            }
            _current[position] = i;
            _currentCount[position] = 0;
        }

        // Each occurrence here adds the slot's count in each recent sentence to what the two share.
        for (int r = 0; r < lag; r++)
        {
            int j = _history[h + r];
            if (j < 0 || i - j > lag) break;
            Shared[j * lag + (i - j) - 1] += _historyCount[h + r];
        }
        int count = _currentCount[position];
        SumOfSquares[i] += 2 * count + 1;  // (c + 1)^2 - c^2
        _currentCount[position] = count + 1;
    }
}
