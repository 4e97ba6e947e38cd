using System.Numerics;

namespace ContentTags.Distill;

/// <summary>
/// Exact, deterministic principal component analysis: the covariance in double precision, summed in a fixed order,
/// then all its eigenpairs by the cyclic Jacobi method (no randomness, no dependence on thread count).
/// </summary>
internal sealed class Pca
{
    private Pca(double[] mean, double[] components, double[] eigenvalues, int width, int dimension)
    {
        Mean = mean;
        Components = components;
        Eigenvalues = eigenvalues;
        Width = width;
        Dimension = dimension;
    }

    /// <summary>The width of the input vectors.</summary>
    public int Width { get; }

    /// <summary>How many components are kept.</summary>
    public int Dimension { get; }

    /// <summary>The mean of the input rows.</summary>
    public double[] Mean { get; }

    /// <summary>The kept components, one unit row of <see cref="Width"/> values each, by decreasing variance.</summary>
    public double[] Components { get; }

    /// <summary>All eigenvalues of the covariance, decreasing.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>The share of the total variance the kept components explain.</summary>
    public double ExplainedVariance
    {
        get
        {
            double total = Eigenvalues.Sum(e => Math.Max(e, 0));
            return total > 0 ? Eigenvalues.Take(Dimension).Sum(e => Math.Max(e, 0)) / total : 0;
        }
    }

    /// <summary>Fits the top <paramref name="dimension"/> components of the rows of <paramref name="data"/>.</summary>
    public static Pca Fit(ReadOnlySpan<float> data, int width, int dimension)
    {
        int rows = data.Length / width;
        if (rows < 2)
            throw new ArgumentException("PCA needs at least two rows.", nameof(data));
        if (dimension < 1 || dimension > width)
            throw new ArgumentOutOfRangeException(nameof(dimension));

        var mean = new double[width];
        for (int r = 0; r < rows; r++)
        {
            var row = data.Slice(r * width, width);
            for (int i = 0; i < width; i++)
                mean[i] += row[i];
        }

        for (int i = 0; i < width; i++)
            mean[i] /= rows;

        // Upper triangle of the scatter matrix, row after row.
        var covariance = new double[width * width];
        var centered = new double[width];
        for (int r = 0; r < rows; r++)
        {
            var row = data.Slice(r * width, width);
            for (int i = 0; i < width; i++)
                centered[i] = row[i] - mean[i];
            for (int i = 0; i < width; i++)
                AddScaled(covariance.AsSpan(i * width + i, width - i), centered.AsSpan(i), centered[i]);
        }

        for (int i = 0; i < width; i++)
        {
            for (int j = i; j < width; j++)
            {
                covariance[i * width + j] /= rows - 1;
                covariance[j * width + i] = covariance[i * width + j];
            }
        }

        var (values, vectors) = Jacobi(covariance, width);

        // Decreasing eigenvalue (ties by index), each vector signed so that its largest entry is positive.
        int[] order = Enumerable.Range(0, width).OrderByDescending(k => values[k]).ThenBy(k => k).ToArray();
        var sorted = order.Select(k => values[k]).ToArray();
        var components = new double[dimension * width];
        for (int c = 0; c < dimension; c++)
        {
            int k = order[c];
            int largest = 0;
            for (int i = 1; i < width; i++)
                if (Math.Abs(vectors[i * width + k]) > Math.Abs(vectors[largest * width + k]))
                    largest = i;
            double sign = vectors[largest * width + k] < 0 ? -1 : 1;
            for (int i = 0; i < width; i++)
                components[c * width + i] = sign * vectors[i * width + k];
        }

        return new Pca(mean, components, sorted, width, dimension);
    }

    /// <summary>Projects each row of <paramref name="data"/> (minus the mean) onto the components.</summary>
    public float[] Transform(ReadOnlySpan<float> data)
    {
        int rows = data.Length / Width;
        var result = new float[rows * Dimension];
        var centered = new double[Width];
        for (int r = 0; r < rows; r++)
        {
            var row = data.Slice(r * Width, Width);
            for (int i = 0; i < Width; i++)
                centered[i] = row[i] - Mean[i];
            for (int c = 0; c < Dimension; c++)
            {
                double dot = 0;
                var component = Components.AsSpan(c * Width, Width);
                for (int i = 0; i < Width; i++)
                    dot += component[i] * centered[i];
                result[r * Dimension + c] = (float)dot;
            }
        }

        return result;
    }

    private static void AddScaled(Span<double> destination, ReadOnlySpan<double> source, double factor)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var f = new Vector<double>(factor);
            for (; i <= destination.Length - Vector<double>.Count; i += Vector<double>.Count)
                (new Vector<double>(destination[i..]) + (f * new Vector<double>(source[i..]))).CopyTo(destination[i..]);
        }

        for (; i < destination.Length; i++)
            destination[i] += factor * source[i];
    }

    // Cyclic Jacobi eigenvalue algorithm for a symmetric matrix (row-major, n × n), after Numerical Recipes' jacobi:
    // returns the eigenvalues and the eigenvectors as the columns of a row-major n × n matrix. Only the strict upper
    // triangle of a working copy is rotated.
    private static (double[] Values, double[] Vectors) Jacobi(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var v = new double[n * n];
        var d = new double[n];
        var b = new double[n];
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            v[i * n + i] = 1;
            b[i] = d[i] = a[i * n + i];
        }

        for (int sweep = 1; sweep <= 100; sweep++)
        {
            double off = 0, diagonal = 0;
            for (int p = 0; p < n; p++)
            {
                diagonal += Math.Abs(d[p]);
                for (int q = p + 1; q < n; q++)
                    off += Math.Abs(a[p * n + q]);
            }

            if (off == 0 || off < 1e-15 * diagonal)
                return (d, v);

            double threshold = sweep < 4 ? 0.2 * off / (n * n) : 0;
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p * n + q];
                    double g = 100 * Math.Abs(apq);
                    if (sweep > 4 && Math.Abs(d[p]) + g == Math.Abs(d[p]) && Math.Abs(d[q]) + g == Math.Abs(d[q]))
                    {
                        a[p * n + q] = 0;
                        continue;
                    }

                    if (Math.Abs(apq) <= threshold)
                        continue;

                    double h = d[q] - d[p];
                    double t;
                    if (Math.Abs(h) + g == Math.Abs(h))
                    {
                        t = apq / h;
                    }
                    else
                    {
                        double theta = 0.5 * h / apq;
                        t = 1 / (Math.Abs(theta) + Math.Sqrt(1 + theta * theta));
                        if (theta < 0)
                            t = -t;
                    }

                    double c = 1 / Math.Sqrt(1 + t * t);
                    double s = t * c;
                    double tau = s / (1 + c);
                    h = t * apq;
                    z[p] -= h;
                    z[q] += h;
                    d[p] -= h;
                    d[q] += h;
                    a[p * n + q] = 0;
                    for (int j = 0; j < p; j++)
                        Rotate(a, j * n + p, j * n + q, s, tau);
                    for (int j = p + 1; j < q; j++)
                        Rotate(a, p * n + j, j * n + q, s, tau);
                    for (int j = q + 1; j < n; j++)
                        Rotate(a, p * n + j, q * n + j, s, tau);
                    for (int j = 0; j < n; j++)
                        Rotate(v, j * n + p, j * n + q, s, tau);
                }
            }

            for (int p = 0; p < n; p++)
            {
                b[p] += z[p];
                d[p] = b[p];
                z[p] = 0;
            }
        }

        throw new InvalidOperationException("The Jacobi eigenvalue iteration did not converge.");
    }

    private static void Rotate(double[] m, int first, int second, double s, double tau)
    {
        double g = m[first];
        double h = m[second];
        m[first] = g - s * (h + g * tau);
        m[second] = h + s * (g - h * tau);
    }
}
