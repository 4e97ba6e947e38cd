namespace ContentTags.Cli.Tests.Support;

/// <summary>
/// Makes a folder refuse new files for the length of a test. Permissions alone do not stop root (CI and the
/// development machines run as root), so when writing still works after <c>chmod 555</c> the folder is also made
/// immutable with <c>chattr +i</c>, which binds root too. Neither working is a failure, not a skip: the check has then
/// not run.
/// </summary>
internal sealed class ReadOnlyFolder : IAsyncDisposable
{
    private readonly string _path;
    private bool _immutable;

    private ReadOnlyFolder(string path) => _path = path;

    public static async Task<ReadOnlyFolder> LockAsync(string path)
    {
        var folder = new ReadOnlyFolder(path);
        await Tool.RunProgramAsync("chmod", "555", path);
        if (CanWrite(path))
        {
            var chattr = await Tool.RunProgramAsync("chattr", "+i", path);
            folder._immutable = chattr.ExitCode == 0;
        }
        if (CanWrite(path))
        {
            await folder.DisposeAsync();
            Assert.Fail($"Could not make {path} read-only: chmod 555 does not bind this user and `chattr +i` failed " +
                        "(it needs root on a file system with immutable flags, such as ext4). The read-only check has not run.");
        }
        return folder;
    }

    private static bool CanWrite(string folder)
    {
        string probe = Path.Combine(folder, ".probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_immutable) await Tool.RunProgramAsync("chattr", "-i", _path);
        await Tool.RunProgramAsync("chmod", "755", _path);
    }
}
