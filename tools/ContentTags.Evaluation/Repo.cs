namespace ContentTags.Evaluation;

internal static class Repo
{
    /// <summary>The folder holding ContentTags.sln, found by walking up from the working directory or the binary.</summary>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ContentTags.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run inside the ContentTags repository.");
    }
}
