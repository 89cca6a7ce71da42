"""Vendor the web desk's map and API-docs libraries from npm into src/wirecoder/api/static/vendor/.

The files are committed (with each package's licence beside them and a MANIFEST.json of versions and SHA-256
sums), so a fresh clone and `pip install -e .` serve a working map with no network and no Node at run time.
Run this only to change a version: it calls `npm pack PACKAGE@VERSION` (the npm registry), unpacks, copies the
files listed below and rewrites the manifest. `--check` re-fetches and verifies the committed files instead.

    python scripts/vendor_web_assets.py [--check]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "wirecoder" / "api" / "static" / "vendor"

# package -> (version, licence, {path in the npm tarball: path under vendor/<package>/})
PACKAGES: dict[str, tuple[str, str, dict[str, str]]] = {
    "leaflet": ("1.9.4", "BSD-2-Clause", {
        "package/dist/leaflet.js": "leaflet.js",
        "package/dist/leaflet.css": "leaflet.css",
        "package/dist/images/layers.png": "images/layers.png",
        "package/dist/images/layers-2x.png": "images/layers-2x.png",
        "package/dist/images/marker-icon.png": "images/marker-icon.png",
        "package/dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
        "package/dist/images/marker-shadow.png": "images/marker-shadow.png",
        "package/LICENSE": "LICENSE",
    }),
    "leaflet.markercluster": ("1.5.3", "MIT", {
        "package/dist/leaflet.markercluster.js": "leaflet.markercluster.js",
        "package/dist/MarkerCluster.css": "MarkerCluster.css",
        "package/MIT-LICENCE.txt": "MIT-LICENCE.txt",
    }),
    "topojson-client": ("3.1.0", "ISC", {
        "package/dist/topojson-client.min.js": "topojson-client.min.js",
        "package/LICENSE": "LICENSE",
    }),
    "world-atlas": ("2.0.2", "ISC (package); Natural Earth data: public domain", {
        "package/countries-50m.json": "countries-50m.json",
        "package/LICENSE": "LICENSE",
    }),
    "swagger-ui-dist": ("5.35.0", "Apache-2.0", {
        "package/swagger-ui-bundle.js": "swagger-ui-bundle.js",
        "package/swagger-ui-bundle.js.LICENSE.txt": "swagger-ui-bundle.js.LICENSE.txt",
        "package/swagger-ui.css": "swagger-ui.css",
        "package/LICENSE": "LICENSE",
        "package/NOTICE": "NOTICE",
    }),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(package: str, version: str, workdir: Path) -> Path:
    subprocess.run(["npm", "pack", f"{package}@{version}", "--silent"], cwd=workdir, check=True,
                   stdout=subprocess.DEVNULL)
    tarball = next(workdir.glob(f"{package.replace('/', '-')}-{version}.tgz"))
    out = workdir / package
    with tarfile.open(tarball) as archive:
        archive.extractall(out, filter="data")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify the committed files against npm")
    args = parser.parse_args()
    manifest: dict[str, dict] = {}
    mismatches = []
    with tempfile.TemporaryDirectory() as tmp:
        for package, (version, licence, files) in PACKAGES.items():
            unpacked = fetch(package, version, Path(tmp))
            entry = {"version": version, "licence": licence, "files": {}}
            for source, target in files.items():
                src = unpacked / source
                dst = VENDOR / package / target
                if args.check:
                    if not dst.is_file() or sha256(dst) != sha256(src):
                        mismatches.append(str(dst.relative_to(ROOT)))
                else:
                    dst.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dst)
                entry["files"][target] = sha256(src)
            manifest[package] = entry
    if args.check:
        print("all vendored files match npm" if not mismatches else "differ from npm: " + ", ".join(mismatches))
        return 1 if mismatches else 0
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"vendored {sum(len(e['files']) for e in manifest.values())} files of {len(manifest)} packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
