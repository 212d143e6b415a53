"""Compares what a client drew or copied of the GeoMas `ortho` layer with GDAL's own reading of the source COG.

Used by gdal_ortho_compare.py (a GeoTIFF written by gdal_translate from the WMTS / TMS / WMS drivers) and by
qgis_ortho_tiles.py (an image QGIS rendered). The reference is gdal.Warp of the source onto exactly the client's grid
(same CRS, extent and size, bilinear), so any difference is JPEG, the server's resampling and overview choice, or a
georeferencing error. The last is the one that matters: a window shifted by a pixel or more shows as a best alignment
away from (0, 0) and as a large mean difference; JPEG and resampling only blur, they do not move the picture.
"""
import numpy as np
from osgeo import gdal

gdal.UseExceptions()

SEARCH = 6  # pixels tried each way when looking for the best alignment


def reference(source, srs_wkt, geotransform, width, height):
    """GDAL's reading of `source` on the client's grid: an (3, height, width) float array."""
    minx = geotransform[0]
    maxy = geotransform[3]
    maxx = minx + geotransform[1] * width
    miny = maxy + geotransform[5] * height
    warped = gdal.Warp("", source, format="MEM", dstSRS=srs_wkt, outputBounds=(minx, miny, maxx, maxy),
                       width=width, height=height, resampleAlg="bilinear")
    return warped.ReadAsArray()[:3].astype(np.float64)


def _mean_abs(a, b):
    return float(np.abs(a - b).mean())


def best_offset(client, ref):
    """The shift (dx, dy) of the client image that best matches the reference, and the error there.

    Only the centre is compared so every shift sees the same number of pixels."""
    _, h, w = client.shape
    inner = ref[:, SEARCH:h - SEARCH, SEARCH:w - SEARCH]
    best = None
    for dy in range(-SEARCH, SEARCH + 1):
        for dx in range(-SEARCH, SEARCH + 1):
            moved = client[:, SEARCH + dy:h - SEARCH + dy, SEARCH + dx:w - SEARCH + dx]
            error = _mean_abs(moved, inner)
            if best is None or error < best[2]:
                best = (dx, dy, error)
    return best


def block_means(image, blocks=4):
    """Mean RGB of each cell of a blocks x blocks grid: where the picture's light and dark parts are."""
    _, h, w = image.shape
    cells = []
    for by in range(blocks):
        for bx in range(blocks):
            cell = image[:, by * h // blocks:(by + 1) * h // blocks, bx * w // blocks:(bx + 1) * w // blocks]
            cells.append([float(v) for v in cell.reshape(3, -1).mean(axis=1)])
    return cells


def compare(client, ref):
    """A JSON-able report: mean absolute difference, best alignment, and how well the cells' brightness agrees."""
    dx, dy, best_error = best_offset(client, ref)
    client_cells = np.array(block_means(client)).mean(axis=1)
    ref_cells = np.array(block_means(ref)).mean(axis=1)
    correlation = float(np.corrcoef(client_cells, ref_cells)[0, 1])
    return {
        "width": int(client.shape[2]),
        "height": int(client.shape[1]),
        "mean_abs_diff": _mean_abs(client, ref),
        "best_offset": [dx, dy],
        "best_offset_error": best_error,
        "cell_brightness_correlation": correlation,
        "client_mean_rgb": [float(v) for v in client.reshape(3, -1).mean(axis=1)],
        "reference_mean_rgb": [float(v) for v in ref.reshape(3, -1).mean(axis=1)],
        "client_std": float(client.std()),
    }


def seam_lines_diff(client, ref, column, row):
    """Mean absolute difference on the pixel lines either side of a vertical seam at `column` and a horizontal one
    at `row` (pixel edges): a gap, a doubled line or a misplaced file shows there even when the rest matches."""
    d = np.abs(client - ref).mean(axis=0)
    lines = np.concatenate([d[:, column - 1:column + 1].ravel(), d[row - 1:row + 1, :].ravel()])
    return float(lines.mean())
