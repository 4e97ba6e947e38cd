using System.Text;
using ContentTags.Cli.Tests.Support;

namespace ContentTags.Cli.Tests;

/// <summary>
/// Issue 4.6 and 7: faults injected into real runs of the tool. Each must end with the contract's exit code (1 bad input,
/// 2 usage), one clear message on stderr naming what is wrong and where, and no file under the final output name.
/// </summary>
public sealed class ErrorTests
{
    private const string Area = "Faults injected (tool process)";

    private static readonly string Good = "id,text\n1,The sheriff is shot dead in the street.\n2,A warm comedy about bread.\n";

    [Fact]
    public Task Missing_text_column_lists_the_columns() => Fault("missing text column → exit 1, columns listed", async dir =>
    {
        string input = dir.Write("reviews.csv", "id,title,body\n1,a,b\n");
        var run = await Tool.RunAsync("tag", input, "-o", dir.File("out.csv"), "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("reviews.csv", run.StdErr);
        Assert.Contains("'text'", run.StdErr);
        Assert.Contains("'id', 'title', 'body'", run.StdErr);
        Assert.False(File.Exists(dir.File("out.csv")));
    });

    [Fact]
    public Task Missing_second_text_column_is_named() => Fault("missing one of several --text-column → exit 1", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        var run = await Tool.RunAsync("tag", input, "--text-column", "text", "--text-column", "review", "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'review'", run.StdErr);
        Assert.Contains("'id', 'text'", run.StdErr);
    });

    [Theory]
    [InlineData("id,text\n1,fine\n2,too,many\n3,fine\n", 3, 3)]
    [InlineData("id,text,x\n1,fine,a\n2,too few\n3,fine,c\n", 3, 2)]
    [InlineData("id,text\n1,\"two\nlines\"\n2,\"also\r\ntwo\",extra\n3,x\n", 4, 3)] // the ragged row starts on line 4
    [InlineData("id,text\r\n1,a\r\n\r\n2,b,c\r\n", 4, 3)] // an empty line still counts as a line
    public Task Ragged_row_stops_the_run_and_names_its_line(string csv, int line, int found) => Fault("ragged row → exit 1, line named, no output file", async dir =>
    {
        string input = dir.Write("ragged.csv", csv);
        string output = dir.File("out.csv");
        var run = await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"ragged.csv, line {line}:", run.StdErr);
        Assert.Contains($"found {found}", run.StdErr);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(dir.Path, ".*")));
    });

    [Fact]
    public Task Bad_rows_file_gets_the_raw_rows_and_the_run_goes_on() => Fault("--bad-rows → exit 0, raw rows kept verbatim, summary counts them", async dir =>
    {
        string[] bad = ["2,too,many,fields", "4,\"quoted, with \"\"quotes\"\" and\nnewline\",x,y", "5"];
        string csv = "id,text,note\n1,The sheriff is shot dead.,a\n" + bad[0] + "\n3,A warm comedy.,c\n" + bad[1] + "\n" + bad[2] + "\n6,Hunters shoot the deer.,f\n";
        string input = dir.Write("in.csv", csv);
        string output = dir.File("out.csv");
        string badRows = dir.File("bad.csv");

        var run = await Tool.RunAsync("tag", input, "-o", output, "--bad-rows", badRows, "--model", SmallModel.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(string.Concat(bad.Select(b => b + "\n")), File.ReadAllText(badRows));
        Assert.Contains("3 rows tagged", run.StdErr);
        Assert.Contains("3 bad rows", run.StdErr);
        var table = CsvTable.ParseFile(output);
        Assert.Equal(["1", "3", "6"], table.Values("id"));
    });

    [Fact]
    public Task Bad_rows_to_stderr() => Fault("--bad-rows /dev/stderr → exit 0, row on stderr", async dir =>
    {
        string input = dir.Write("in.csv", "id,text\n1,a\n2,b,c\n3,d\n");
        var run = await Tool.RunAsync("tag", input, "--bad-rows", "/dev/stderr", "--model", SmallModel.Path);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2,b,c\n", run.StdErr);
        Assert.Equal(["1", "3"], CsvTable.Parse(run.StdOutBytes).Values("id"));
    });

    [Theory]
    [InlineData("id,text\n1,ok\n2,\"never closed\n3,x\n", 3)]
    [InlineData("id,text\n1,ok\n2,stray \" quote\n", 3)]
    [InlineData("id,text\n1,ok\n2,ok\n3,\"closed\" then text\n", 4)]
    public Task Malformed_quote_names_the_line(string csv, int line) => Fault("malformed quoting → exit 1, line named, no output file", async dir =>
    {
        string input = dir.Write("broken.csv", csv);
        string output = dir.File("out.csv");
        var run = await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"broken.csv, line {line}:", run.StdErr);
        Assert.Contains("malformed", run.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(output));
    });

    [Fact]
    public Task Failed_run_leaves_an_existing_output_untouched() => Fault("failing run over an existing output → old file kept", async dir =>
    {
        string output = dir.Write("out.csv", "previous results\n");
        string input = dir.Write("in.csv", Good + "3,ragged,row\n");
        var run = await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("previous results\n", File.ReadAllText(output));
        Assert.Equal(["in.csv", "out.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    });

    [Theory]
    [InlineData("tag", "IN", "--frobnicate")]
    [InlineData("tag", "IN", "--threshold", "abc")]
    [InlineData("tag", "IN", "--threshold", "1.5")]
    [InlineData("tag", "IN", "--threshold", "-0.1")]
    [InlineData("tag", "IN", "--threshold", "NaN")]
    [InlineData("tag", "IN", "--delimiter", "ab")]
    [InlineData("tag", "IN", "--shard", "4/3")]
    [InlineData("tag", "IN", "--shard", "x")]
    [InlineData("tag", "IN", "--shard", "2/3")] // a single file is not split
    [InlineData("tag")]
    [InlineData("frobnicate")]
    [InlineData("explain")]
    public Task Usage_errors_exit_2(params string[] args) => Fault("usage error → exit 2", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        string[] withModel = [.. args.Select(a => a == "IN" ? input : a), .. args[0] is "tag" or "explain" ? new[] { "--model", SmallModel.Path } : []];
        var run = await Tool.RunAsync(withModel);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("contenttags: ", run.StdErr);
        Assert.Empty(run.StdOut);
    });

    [Fact]
    public Task Folder_input_needs_an_output_folder() => Fault("folder INPUT without -o → exit 2", async dir =>
    {
        dir.Write("parts/part-0.csv", Good);
        var run = await Tool.RunAsync("tag", dir.File("parts"), "--model", SmallModel.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("-o", run.StdErr);
    });

    [Fact]
    public Task Missing_input_file() => Fault("missing input file → exit 1", async dir =>
    {
        var run = await Tool.RunAsync("tag", dir.File("nope.csv"), "-o", dir.File("out.csv"), "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nope.csv", run.StdErr);
        Assert.False(File.Exists(dir.File("out.csv")));
    });

    [Fact]
    public Task Pattern_matching_nothing() => Fault("pattern matching no file → exit 1", async dir =>
    {
        var run = await Tool.RunAsync("tag", Path.Combine(dir.Path, "part-*.csv"), "-o", dir.File("out"), "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("part-*.csv", run.StdErr);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Missing_output_folder(bool fromStdin) => Fault("output folder missing → exit 1, nothing written", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        string output = Path.Combine(dir.Path, "no-such-folder", "out.csv");
        var run = fromStdin
            ? await Tool.RunAsync(["tag", "-", "-o", output, "--model", SmallModel.Path], stdin: Encoding.UTF8.GetBytes(Good))
            : await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no-such-folder", run.StdErr);
        Assert.False(Directory.Exists(Path.GetDirectoryName(output)));
        Assert.Empty(run.StdOut);
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Read_only_output_folder(bool fromStdin) => Fault("output folder read-only → exit 1, nothing written", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        string folder = Directory.CreateDirectory(Path.Combine(dir.Path, "locked")).FullName;
        string output = Path.Combine(folder, "out.csv");
        await using (await ReadOnlyFolder.LockAsync(folder))
        {
            var run = fromStdin
                ? await Tool.RunAsync(["tag", "-", "-o", output, "--model", SmallModel.Path], stdin: Encoding.UTF8.GetBytes(Good))
                : await Tool.RunAsync("tag", input, "-o", output, "--model", SmallModel.Path);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("locked", run.StdErr);
            Assert.Contains("does not accept new files", run.StdErr);
            Assert.Empty(run.StdOut);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
    });

    [Theory]
    [InlineData("garbage")]
    [InlineData("zip")]
    [InlineData("empty")]
    public Task Corrupt_model_is_not_a_usable_model(string kind) => Fault("corrupt model file → exit 1, 'not a usable model'", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        string model = dir.File("model.zip");
        switch (kind)
        {
            case "garbage": File.WriteAllText(model, "this is not a zip"); break;
            case "empty": File.WriteAllBytes(model, []); break;
            default:
                // A real model cut in half.
                var bytes = File.ReadAllBytes(SmallModel.Path);
                File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
                break;
        }
        var run = await Tool.RunAsync("tag", input, "-o", dir.File("out.csv"), "--model", model);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a usable ContentTags model", run.StdErr);
        Assert.Contains("model.zip", run.StdErr);
        Assert.False(File.Exists(dir.File("out.csv")));
    });

    [Fact]
    public Task Missing_model_file() => Fault("missing model file → exit 1", async dir =>
    {
        string input = dir.Write("in.csv", Good);
        var run = await Tool.RunAsync("tag", input, "--model", dir.File("none.zip"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("none.zip", run.StdErr);
    });

    [Theory]
    [InlineData("file")]
    [InlineData("stdin")]
    [InlineData("stdout")]
    public Task Full_disk_is_a_clear_error(string how) => Fault("/dev/full as output → non-zero exit, 'No space left'", async dir =>
    {
        // Enough rows that the output does not fit in one buffer.
        var csv = new StringBuilder("id,text\n");
        for (int i = 0; i < 5000; i++) csv.Append(i).Append(",The sheriff is shot dead in the street in front of the whole town.\n");
        string input = dir.Write("in.csv", csv.ToString());
        CliResult run = how switch
        {
            "file" => await Tool.RunAsync("tag", input, "-o", "/dev/full", "--model", SmallModel.Path),
            "stdin" => await Tool.RunAsync(["tag", "-", "-o", "/dev/full", "--model", SmallModel.Path], stdin: Encoding.UTF8.GetBytes(csv.ToString())),
            _ => await Tool.RunWithStdoutAsync("/dev/full", "tag", input, "--model", SmallModel.Path),
        };
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("No space left on device", run.StdErr);
        // Written in place, never replaced by a renamed temporary file.
        var stat = await Tool.RunProgramAsync("stat", "-c", "%F", "/dev/full");
        Assert.Equal("character special file", stat.StdOut.Trim());
    });

    private static Task Fault(string what, Func<TempDir, Task> check) => Reliability.CheckAsync(Area, what, async () =>
    {
        using var dir = new TempDir();
        await check(dir);
        return 1;
    });
}
