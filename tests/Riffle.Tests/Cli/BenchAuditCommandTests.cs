using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

public class BenchAuditCommandTests
{
    [Fact]
    public void RepeatsTheAudit_LastLineHasFirstAndMedian()
    {
        var output = new StringWriter();
        int code = RiffleCommandLine.Run(["bench", "audit", "--repeat", "3", "--order", "by-label", "--shuffle", "false"], output, new StringWriter());

        Assert.Equal(0, code); // a benchmark reports times, not findings
        string[] lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("audit of embedded:fashion-mnist-subset: train 9,000, val 1,000, test 2,000, 1 rank, batches of 128", lines[0]);
        Assert.Matches(@"^run 1: \d+\.\d ms \(pixel hashing \d+\.\d ms of it, on a second thread\), 2 findings; compiling the audit's code included$", lines[1]);
        Assert.Equal(5, lines.Length);
        Assert.Matches(@"^audit: first \d+\.\d ms, then median \d+\.\d ms$", lines[^1]);
    }
}
