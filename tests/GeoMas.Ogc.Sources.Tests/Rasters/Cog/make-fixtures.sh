#!/usr/bin/env bash
# Builds the COG/GeoTIFF reader fixtures from a small crop of the demo ortho, and GDAL's decoding of every level of
# each (raw RGB(A) pixel-interleaved bytes), which the tests compare with the reader's.
# Usage: make-fixtures.sh <demo-ortho.tif> <output-dir>
# Writes <output-dir>/fixtures.txt: one line per fixture "name bands lossy levels" where bands is rgb (3 bands),
# alpha (4th band is alpha), mask (band 4 of the reference is GDAL's mask band) or nodata (RGB with nodata 0).
set -euo pipefail
src="$1"
out="$2"
mkdir -p "$out"
cd "$out"
export GDAL_PAM_ENABLED=NO
q="-q"

# 700×600 px: not a multiple of any block size, so edge tiles and short last strips are exercised.
gdal_translate $q -srcwin 1200 1300 700 600 "$src" crop.tif -co COMPRESS=NONE -co TILED=YES
# A reprojected copy has transparent corners: the source of the alpha, mask and nodata fixtures.
gdalwarp $q -t_srs EPSG:3857 -r near -dstalpha -co TILED=YES crop.tif warped-rgba.tif
gdalwarp $q -t_srs EPSG:3857 -r near -dstnodata 0 crop.tif warped-nodata-src.tif

: > fixtures.txt
add() { # name bands lossy
  local levels=1 overviews
  overviews=$(gdalinfo "$1.tif" | grep -m1 'Overviews:' || true)
  if [[ -n "$overviews" ]]; then levels=$(( $(tr -cd ',' <<< "$overviews" | wc -c) + 2 )); fi
  local bands="-b 1 -b 2 -b 3"
  case "$2" in alpha) bands="$bands -b 4" ;; mask) bands="$bands -b mask" ;; esac
  for ((k = 0; k < levels; k++)); do
    local oo=""
    if (( k > 0 )); then oo="-oo OVERVIEW_LEVEL=$((k - 1))"; fi
    gdal_translate $q $oo $bands -of ENVI -co INTERLEAVE=BIP "$1.tif" "$1.L$k.raw"
  done
  gdalinfo -json "$1.tif" > "$1.json"
  echo "$1 $2 $3 $levels" >> fixtures.txt
}

gdal_translate $q -of COG -co COMPRESS=JPEG -co QUALITY=85 -co BLOCKSIZE=256 crop.tif cog-jpeg.tif
add cog-jpeg rgb lossy

gdal_translate $q -co TILED=YES -co BLOCKXSIZE=128 -co BLOCKYSIZE=128 -co COMPRESS=DEFLATE -co PREDICTOR=2 crop.tif deflate-pred2.tif
gdaladdo $q -r average --config COMPRESS_OVERVIEW DEFLATE --config PREDICTOR_OVERVIEW 2 deflate-pred2.tif 2 4
add deflate-pred2 rgb lossless

gdal_translate $q -co TILED=YES -co COMPRESS=LZW -co PREDICTOR=2 crop.tif lzw-pred2.tif
add lzw-pred2 rgb lossless

gdal_translate $q -of COG -co COMPRESS=LZW -co PREDICTOR=YES -co BLOCKSIZE=256 crop.tif cog-lzw.tif
add cog-lzw rgb lossless

gdal_translate $q -co BIGTIFF=YES -co ENDIANNESS=BIG -co TILED=YES -co BLOCKXSIZE=128 -co BLOCKYSIZE=128 -co COMPRESS=DEFLATE crop.tif bigtiff-be.tif
gdaladdo $q -r average --config COMPRESS_OVERVIEW DEFLATE bigtiff-be.tif 2
add bigtiff-be rgb lossless

gdal_translate $q -co BIGTIFF=YES -co TILED=YES -co COMPRESS=LZW crop.tif bigtiff-le.tif
add bigtiff-le rgb lossless

gdal_translate $q -co TILED=NO -co BLOCKYSIZE=37 -co COMPRESS=LZW -co PREDICTOR=2 crop.tif striped-lzw.tif
gdaladdo $q -r nearest striped-lzw.tif 2 4
add striped-lzw rgb lossless

gdal_translate $q -co TILED=NO -co COMPRESS=PACKBITS crop.tif striped-packbits.tif
add striped-packbits rgb lossless

gdal_translate $q -co TILED=NO -co COMPRESS=NONE -co ENDIANNESS=BIG crop.tif striped-none-be.tif
add striped-none-be rgb lossless

gdal_translate $q -co TILED=YES -co COMPRESS=DEFLATE warped-rgba.tif alpha-deflate.tif
add alpha-deflate alpha lossless

gdal_translate $q -b 1 -b 2 -b 3 -mask 4 --config GDAL_TIFF_INTERNAL_MASK YES -co TILED=YES -co BLOCKXSIZE=128 -co BLOCKYSIZE=128 -co COMPRESS=DEFLATE warped-rgba.tif mask-deflate.tif
gdaladdo $q -r nearest --config COMPRESS_OVERVIEW DEFLATE mask-deflate.tif 2 4
add mask-deflate mask lossless

gdal_translate $q -of COG -co COMPRESS=JPEG -co QUALITY=90 -co BLOCKSIZE=256 warped-rgba.tif mask-cog-jpeg.tif
add mask-cog-jpeg mask lossy

gdal_translate $q -co TILED=YES -co COMPRESS=LZW warped-nodata-src.tif nodata-lzw.tif
add nodata-lzw nodata lossless

gdal_translate $q -mo AREA_OR_POINT=Point -co TILED=YES crop.tif pixel-is-point.tif
add pixel-is-point rgb lossless

# Separate planes (INTERLEAVE=BAND): tiled Deflate with predictor and overviews, striped LZW.
gdal_translate $q -co TILED=YES -co INTERLEAVE=BAND -co COMPRESS=DEFLATE -co PREDICTOR=2 crop.tif planar-deflate.tif
gdaladdo $q -r average --config COMPRESS_OVERVIEW DEFLATE --config INTERLEAVE_OVERVIEW BAND planar-deflate.tif 2
add planar-deflate rgb lossless
gdal_translate $q -co TILED=NO -co INTERLEAVE=BAND -co COMPRESS=LZW warped-rgba.tif planar-striped-alpha.tif
add planar-striped-alpha alpha lossless

# Debian's GDAL links libwebp: WebP tiles, lossy RGB and lossless RGBA.
gdal_translate $q -of COG -co COMPRESS=WEBP -co QUALITY=90 -co BLOCKSIZE=256 crop.tif cog-webp.tif
add cog-webp rgb lossy
gdal_translate $q -co TILED=YES -co COMPRESS=WEBP -co WEBP_LOSSLESS=YES warped-rgba.tif webp-lossless-alpha.tif
add webp-lossless-alpha alpha lossless

# Files the reader must refuse with a clear message (no reference decoding).
gdal_translate $q -ot UInt16 -co TILED=YES crop.tif unsupported-uint16.tif
gdal_translate $q -ot Float32 -co TILED=YES crop.tif unsupported-float32.tif

rm -f crop.tif warped-rgba.tif warped-nodata-src.tif *.hdr *.aux.xml
