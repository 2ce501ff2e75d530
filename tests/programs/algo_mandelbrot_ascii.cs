using System;

// Mandelbrot set rendered as ASCII art: double arithmetic in tight loops, char selection from a palette string.
static class Program
{
    static int Escape(double cr, double ci, int maxIter)
    {
        double zr = 0, zi = 0;
        int it = 0;
        while (it < maxIter && zr * zr + zi * zi <= 4.0)
        {
            double t = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = t;
            it++;
        }
        return it;
    }

    static int Main()
    {
        string palette = " .:-=+*#%@";
        int width = 64, height = 24, maxIter = 60;
        long total = 0;
        int inside = 0;
        for (int y = 0; y < height; y++)
        {
            double ci = -1.2 + 2.4 * y / (height - 1);
            for (int x = 0; x < width; x++)
            {
                double cr = -2.1 + 2.8 * x / (width - 1);
                int it = Escape(cr, ci, maxIter);
                total += it;
                if (it == maxIter) inside++;
                Console.Write(palette[it == maxIter ? palette.Length - 1 : it % (palette.Length - 1)]);
            }
            Console.WriteLine();
        }
        Console.WriteLine(total);
        Console.WriteLine(inside);
        double area = 2.8 * 2.4 * inside / (width * height);
        Console.WriteLine(area);
        return inside % 256;
    }
}
