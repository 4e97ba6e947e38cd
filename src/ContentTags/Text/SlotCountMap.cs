using System.Numerics;
using System.Runtime.CompilerServices;

namespace ContentTags;

/// <summary>
/// A small reusable map from feature slot to count (open addressing, cleared in time proportional to what was
/// added), used to find the n-grams two neighbouring sentences share. Not thread-safe.
/// </summary>
internal sealed class SlotCountMap
{
    private int[] _keys = new int[256];   // slot + 1; 0 = empty
    private float[] _counts = new float[256];
    private int[] _used = new int[128];
    private int _usedCount;
    private int _mask = 255;

    /// <summary>Replaces the contents with the slots and counts of <paramref name="vector"/>.</summary>
    public void Fill(FeatureVector vector)
    {
        Clear();
        int count = vector.Count;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(256, 2 * count));
        if (capacity > _keys.Length)
        {
            _keys = new int[capacity];
            _counts = new float[capacity];
        }
        if (count > _used.Length) _used = new int[Math.Max(count, 2 * _used.Length)];
        _mask = capacity - 1;

        var indices = vector.Indices;
        var values = vector.Values;
        for (int i = 0; i < count; i++)
        {
            int position = Find(indices[i]);
            if (_keys[position] == 0)
            {
                _keys[position] = indices[i] + 1;
                _used[_usedCount++] = position;
            }
            _counts[position] += values[i];
        }
    }

    /// <summary>The sum over shared slots of the product of the two counts (the dot product of two count vectors).</summary>
    public double DotWith(FeatureVector vector)
    {
        double sum = 0;
        var indices = vector.Indices;
        var values = vector.Values;
        for (int i = 0; i < vector.Count; i++)
        {
            int position = Find(indices[i]);
            if (_keys[position] != 0) sum += (double)_counts[position] * values[i];
        }
        return sum;
    }

    private void Clear()
    {
        for (int i = 0; i < _usedCount; i++)
        {
            _keys[_used[i]] = 0;
            _counts[_used[i]] = 0;
        }
        _usedCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Find(int slot)
    {
        int key = slot + 1;
        int position = (int)((uint)slot * 0x9E3779B1u) & _mask;
        while (_keys[position] != 0 && _keys[position] != key)
            position = (position + 1) & _mask;
        return position;
    }
}
