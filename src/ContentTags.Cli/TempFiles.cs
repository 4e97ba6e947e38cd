using System.Collections.Concurrent;

namespace ContentTags.Cli;

/// <summary>
/// Temporary files the tool writes beside a final output (renamed into place when complete). Any still registered when
/// the process exits, because a run was abandoned (Ctrl-C while blocked reading a pipe), are deleted then.
/// </summary>
internal static class TempFiles
{
    private static readonly ConcurrentDictionary<string, byte> s_live = new();

    static TempFiles() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteAll();

    /// <summary>
    /// A fresh hidden file beside <paramref name="target"/>, created empty (so a folder that refuses new files is
    /// reported before any work, in terms of the output the user named) and registered for deletion at exit.
    /// </summary>
    public static string Beside(string target)
    {
        string full = Path.GetFullPath(target);
        string folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The output folder '{folder}' does not exist.");
        string temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) { }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new IOException($"Cannot write '{full}': the folder '{folder}' does not accept new files ({e.Message})", e);
        }
        s_live[temp] = 0;
        return temp;
    }

    /// <summary>Deletes the file if it still exists and forgets it.</summary>
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

    /// <summary>Renames the finished file into place and forgets it.</summary>
    public static void MoveInto(string temp, string target)
    {
        File.Move(temp, target, overwrite: true);
        s_live.TryRemove(temp, out _);
    }

    private static void DeleteAll()
    {
        foreach (var temp in s_live.Keys) Delete(temp);
    }
}
