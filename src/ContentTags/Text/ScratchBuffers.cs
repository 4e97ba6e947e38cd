namespace ContentTags;

/// <summary>Growing the per-thread working arrays that tagging reuses from call to call.</summary>
internal static class ScratchBuffers
{
    /// <summary>
    /// Makes <paramref name="buffer"/> at least <paramref name="needed"/> long, discarding its contents when it grows.
    /// It at least doubles, so a thread that meets longer and longer texts reallocates only a few times.
    /// </summary>
    public static void EnsureLength<T>(ref T[] buffer, int needed)
    {
        if (buffer.Length < needed)
            buffer = new T[Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * buffer.Length))];
    }
}
