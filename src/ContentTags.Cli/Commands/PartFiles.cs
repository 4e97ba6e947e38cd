namespace ContentTags.Cli.Commands;

/// <summary>
/// Data lakes store a table as many part files. A folder or a file-name pattern selects them; --shard K/N picks a
/// deterministic share so that N machines (a Kubernetes Indexed Job, a Slurm array) split the work with no coordinator.
/// </summary>
internal static class PartFiles
{
    /// <summary>The part files of a folder or pattern, sorted by name; <see langword="null"/> when INPUT is a single file or '-'.</summary>
    public static IReadOnlyList<string>? Resolve(string input)
    {
        if (input == "-") return null;
        if (Directory.Exists(input))
            return Sorted(Directory.GetFiles(input).Where(f => !Path.GetFileName(f).StartsWith('.')));
        string name = Path.GetFileName(input);
        if (name.Contains('*') || name.Contains('?'))
        {
            string dir = Path.GetDirectoryName(input) is { Length: > 0 } d ? d : ".";
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"No folder '{dir}' for the pattern '{input}'.");
            var files = Sorted(Directory.GetFiles(dir, name));
            return files.Count > 0 ? files : throw new FileNotFoundException($"No file matches '{input}'.");
        }
        return null;
    }

    public static (int K, int N) ParseShard(string? shard)
    {
        if (shard is null) return (1, 1);
        var parts = shard.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int k) && int.TryParse(parts[1], out int n) && n >= 1 && k >= 1 && k <= n)
            return (k, n);
        throw new ArgumentException($"--shard must be K/N with 1 <= K <= N, not '{shard}'.");
    }

    /// <summary>Every N-th part starting at the K-th: deterministic, and each part goes to exactly one shard.</summary>
    public static IReadOnlyList<string> Shard(IReadOnlyList<string> parts, int k, int n) =>
        parts.Where((_, i) => i % n == k - 1).ToList();

    private static List<string> Sorted(IEnumerable<string> files) => files.Order(StringComparer.Ordinal).ToList();
}
