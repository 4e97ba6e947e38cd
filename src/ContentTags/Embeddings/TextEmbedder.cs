using System.Numerics;

namespace ContentTags;

/// <summary>
/// Turns a text into one dense vector of <see cref="Dimension"/> values from a <see cref="StaticEmbeddingTable"/>:
/// the text's WordPiece tokens (see <see cref="WordPieceTokenizer"/>), each token's vector weighted by its SIF weight
/// <c>a / (a + p(token))</c>, summed, and scaled to unit L2 norm (the SIF-weighted mean, normalized).
/// </summary>
/// <remarks>
/// Close phrasings land close together even when they share no word ("took his own life", "committed suicide"),
/// which lets a linear model generalise past the n-grams of its training corpus. Thread-safe: an instance holds only
/// the immutable table, and <see cref="Embed(ReadOnlySpan{char}, Span{float})"/> works on the stack and in the caller's span; it allocates nothing.
/// </remarks>
internal sealed class TextEmbedder
{
    private readonly StaticEmbeddingTable _table;

    /// <summary>Creates an embedder over <paramref name="table"/>.</summary>
    public TextEmbedder(StaticEmbeddingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>The table the vectors come from.</summary>
    public StaticEmbeddingTable Table => _table;

    /// <summary>The length of the vectors <see cref="Embed(ReadOnlySpan{char}, Span{float})"/> writes.</summary>
    public int Dimension => _table.Dimension;

    /// <summary>
    /// Writes the unit-length embedding of <paramref name="text"/> into the first <see cref="Dimension"/> values of
    /// <paramref name="destination"/>. A text with no known token (empty, only unknown symbols) gives all zeros.
    /// Never throws because of the text's content.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Dimension"/>.</exception>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        int dimension = _table.Dimension;
        if (destination.Length < dimension)
            throw new ArgumentException($"The destination must hold at least {dimension} values.", nameof(destination));
        Span<float> sum = destination[..dimension];
        sum.Clear();
        if (text.IsEmpty)
            return;

        var sink = new WeightedSum(_table, sum);
        _table.Tokenizer.Tokenize(text, ref sink);
        if (sink.Tokens == 0)
            return;

        // Dividing by the total weight would not change the direction, so the normalization does it all.
        double squares = 0;
        foreach (float v in sum)
            squares += (double)v * v;
        if (!(squares > 0) || !double.IsFinite(squares))
        {
            sum.Clear();
            return;
        }

        float scale = (float)(1 / Math.Sqrt(squares));
        for (int d = 0; d < sum.Length; d++)
            sum[d] *= scale;
    }

    /// <summary>Returns the embedding of <paramref name="text"/> in a new array.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimension];
        Embed(text, vector);
        return vector;
    }

    /// <summary>The cosine similarity of two vectors (0 when either is all zeros).</summary>
    public static float Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("The vectors must have the same length.", nameof(y));
        double dot = 0, xx = 0, yy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            dot += (double)x[i] * y[i];
            xx += (double)x[i] * x[i];
            yy += (double)y[i] * y[i];
        }

        return xx > 0 && yy > 0 ? (float)(dot / Math.Sqrt(xx * yy)) : 0f;
    }

    private ref struct WeightedSum(StaticEmbeddingTable table, Span<float> sum) : ITokenSink
    {
        private readonly StaticEmbeddingTable _table = table;
        private readonly Span<float> _sum = sum;

        public int Tokens { get; private set; }

        public void Add(int row)
        {
            float weight = _table.Weight(row);
            ReadOnlySpan<float> vector = _table.Vector(row);
            Span<float> sum = _sum;
            int d = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var w = new Vector<float>(weight);
                for (; d <= sum.Length - Vector<float>.Count; d += Vector<float>.Count)
                    (new Vector<float>(sum[d..]) + (w * new Vector<float>(vector[d..]))).CopyTo(sum[d..]);
            }

            for (; d < sum.Length; d++)
                sum[d] += weight * vector[d];
            Tokens++;
        }
    }
}
