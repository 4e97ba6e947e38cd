using System.Collections.Concurrent;

namespace ContentTags;

/// <summary>
/// An output written to a hidden file beside its target and renamed over it when complete, so a failure or cancellation
/// never leaves a partial file under the final name. Hidden files still present when the process exits (a run
/// abandoned while blocked reading a pipe) are deleted then.
/// </summary>
internal static class ReplacedFile
{
    private static readonly ConcurrentDictionary<string, byte> s_live = new();

    static ReplacedFile() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var temp in s_live.Keys) Delete(temp);
    };

    /// <summary>
    /// Devices and pipes (/dev/stdout, /dev/full, a FIFO) are written in place: there is nothing to rename over, and
    /// renaming over a device node would replace it.
    /// </summary>
    public static bool IsDevice(string path)
    {
        string full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || File.Exists(full) && (File.GetAttributes(full) & FileAttributes.Device) != 0;
    }

    /// <summary>
    /// Creates an empty hidden file beside <paramref name="target"/> and returns its path. A missing folder, or one that
    /// refuses new files, is reported in terms of the target the user named, before any work is done.
    /// </summary>
    public static string CreateBeside(string target)
    {
        string full = Path.GetFullPath(target);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The output folder '{folder}' does not exist.");
        string temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) { }
        }
        catch (UnauthorizedAccessException e)
        {
            throw new UnauthorizedAccessException(Refused(full, folder, e), e);
        }
        catch (IOException e)
        {
            // A read-only file system, say: also named by the target, as the tool's own copy of this did.
            throw new IOException(Refused(full, folder, e), e);
        }
        s_live[temp] = 0;
        return temp;
    }

    private static string Refused(string full, string folder, Exception e) =>
        $"Cannot write '{full}': the folder '{folder}' does not accept new files ({e.Message})";

    /// <summary>Opens the hidden file for asynchronous writing.</summary>
    public static FileStream Open(string temp) =>
        new(temp, FileMode.Truncate, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);

    /// <summary>Renames the finished hidden file over <paramref name="target"/>.</summary>
    public static void Commit(string temp, string target)
    {
        File.Move(temp, Path.GetFullPath(target), overwrite: true);
        s_live.TryRemove(temp, out _);
    }

    /// <summary>Deletes the hidden file if it is still there (a no-op after <see cref="Commit"/>).</summary>
    public static void Delete(string temp)
    {
        try
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        s_live.TryRemove(temp, out _);
    }
}
