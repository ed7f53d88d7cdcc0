using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;

namespace Riffle.Distributed;

/// <summary>
/// Data parallelism over a process group (the core of PyTorch's <c>DistributedDataParallel</c>): parameters are
/// broadcast from rank 0 once, and after every backward the gradients are averaged over the ranks through flat
/// buckets (one all-reduce per bucket, not one per tensor). With each rank's batch a slice of the same global
/// batch, the averaged gradient is the gradient of the global batch's mean loss.
/// </summary>
public sealed class DataParallel
{
    /// <summary>Floats per bucket (16 MB): large enough to amortise a call, small enough to stay cache-friendly.</summary>
    public const int BucketFloats = 4 << 20;

    private readonly IProcessGroup _group;
    private readonly Parameter[] _parameters;
    private readonly List<(int First, int Count, int Floats)> _buckets = [];
    private readonly float[] _flat;

    public DataParallel(IProcessGroup group, IEnumerable<Parameter> parameters)
    {
        _group = group;
        _parameters = parameters.ToArray();
        int first = 0, floats = 0, total = 0;
        for (int i = 0; i < _parameters.Length; i++)
        {
            int n = checked((int)_parameters[i].numel());
            if (floats > 0 && floats + n > BucketFloats)
            {
                _buckets.Add((first, i - first, floats));
                (first, floats) = (i, 0);
            }
            floats += n;
            total += n;
        }
        if (_parameters.Length > 0) _buckets.Add((first, _parameters.Length - first, floats));
        _flat = new float[_buckets.Count == 0 ? 0 : _buckets.Max(b => b.Floats)];
    }

    /// <summary>All-reduce calls per step.</summary>
    public int BucketCount => _buckets.Count;

    /// <summary>Makes every rank's parameters equal to rank 0's.</summary>
    public void BroadcastParameters()
    {
        if (_group.WorldSize == 1) return;
        using var noGrad = torch.no_grad();
        foreach (var (first, count, floats) in _buckets)
        {
            Span<float> flat = _flat.AsSpan(0, floats);
            Pack(first, count, flat, p => p);
            _group.Broadcast(flat, root: 0);
            Unpack(first, count, flat, p => p);
        }
    }

    /// <summary>Replaces each parameter's gradient by its mean over the ranks. Call after backward, before the optimizer step.</summary>
    public void AverageGradients()
    {
        if (_group.WorldSize == 1) return;
        float scale = 1f / _group.WorldSize;
        foreach (var (first, count, floats) in _buckets)
        {
            Span<float> flat = _flat.AsSpan(0, floats);
            Pack(first, count, flat, Gradient);
            _group.AllReduce(flat, ReduceOp.Sum);
            foreach (ref float g in flat) g *= scale;
            Unpack(first, count, flat, Gradient);
        }
    }

    private static torch.Tensor Gradient(Parameter p) =>
        p.grad ?? throw new InvalidOperationException("a parameter has no gradient: call AverageGradients after backward");

    private void Pack(int first, int count, Span<float> flat, Func<Parameter, torch.Tensor> of)
    {
        int offset = 0;
        for (int i = first; i < first + count; i++)
        {
            torch.Tensor t = of(_parameters[i]);
            ReadOnlySpan<float> data = MemoryMarshal.Cast<byte, float>(t.bytes);
            data.CopyTo(flat[offset..]);
            offset += data.Length;
        }
    }

    private void Unpack(int first, int count, ReadOnlySpan<float> flat, Func<Parameter, torch.Tensor> of)
    {
        int offset = 0;
        for (int i = first; i < first + count; i++)
        {
            torch.Tensor t = of(_parameters[i]);
            Span<float> data = MemoryMarshal.Cast<byte, float>(t.bytes);
            flat.Slice(offset, data.Length).CopyTo(data);
            offset += data.Length;
        }
    }
}
