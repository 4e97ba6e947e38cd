namespace ContentTags;

/// <summary>
/// A reusable sparse feature vector: the non-zero slots in <see cref="Indices"/> (ascending when filled for ML.NET,
/// in first-seen order when filled for scoring), their values at the
/// same positions in <see cref="Values"/>, the first <see cref="Count"/> entries valid. Its arrays only grow, so after
/// the first few texts filling it allocates nothing. Not thread-safe: use one per thread.
/// </summary>
internal sealed class FeatureVector
{
    private int[] _indices;
    private float[] _values;

    /// <summary>Creates an empty vector with room for <paramref name="capacity"/> non-zero slots.</summary>
    public FeatureVector(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _indices = new int[capacity];
        _values = new float[capacity];
    }

    /// <summary>The slot indices, ascending; entries past <see cref="Count"/> are stale.</summary>
    public int[] Indices => _indices;

    /// <summary>The values of the slots in <see cref="Indices"/>; entries past <see cref="Count"/> are stale.</summary>
    public float[] Values => _values;

    /// <summary>How many entries of <see cref="Indices"/> and <see cref="Values"/> are valid.</summary>
    public int Count { get; private set; }

    /// <summary>The full length of the vector (every slot, zero or not), as set by the last featurizer that filled it.</summary>
    public int Dimension { get; private set; }

    /// <summary>The valid slot indices.</summary>
    public ReadOnlySpan<int> ActiveIndices => _indices.AsSpan(0, Count);

    /// <summary>The valid values.</summary>
    public ReadOnlySpan<float> ActiveValues => _values.AsSpan(0, Count);

    /// <summary>Empties the vector and sets its dimension, keeping the arrays.</summary>
    public void Reset(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        Dimension = dimension;
        Count = 0;
    }

    /// <summary>Sets the full length of the vector, keeping its entries (when a block is appended after the n-grams).</summary>
    public void SetDimension(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, Dimension);
        Dimension = dimension;
    }

    /// <summary>Makes sure <paramref name="capacity"/> entries fit, keeping the valid ones.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _indices.Length)
            return;
        int newSize = Math.Max(capacity, (int)Math.Min(Array.MaxLength, 2L * _indices.Length));
        Array.Resize(ref _indices, newSize);
        Array.Resize(ref _values, newSize);
    }

    /// <summary>
    /// Declares the first <paramref name="count"/> entries valid, after a caller filled <see cref="Indices"/> and
    /// <see cref="Values"/> directly (ascending, distinct indices).
    /// </summary>
    public void SetCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _indices.Length);
        Count = count;
    }

    /// <summary>
    /// Appends a slot, growing the arrays if needed; the caller keeps indices strictly ascending.
    /// </summary>
    public void Append(int index, float value)
    {
        if (Count == _indices.Length)
            EnsureCapacity(Count + 1);
        _indices[Count] = index;
        _values[Count] = value;
        Count++;
    }

    /// <summary>The value of one slot (zero when it is not stored); a binary search, for tests and explanations.</summary>
    public float this[int slot]
    {
        get
        {
            int position = ActiveIndices.BinarySearch(slot);
            return position >= 0 ? _values[position] : 0f;
        }
    }
}
