"""Build hook: fetch the web app's front-end libraries from the npm registry (pinned, checked
against their sha512 integrity) before the package files are collected. See dyad/web/vendor.py."""

import runpy
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithVendoredAssets(build_py):
    def run(self) -> None:
        vendor = runpy.run_path(str(Path(__file__).parent / "src" / "dyad" / "web" / "vendor.py"))
        try:
            vendor["fetch"]()
        except (OSError, RuntimeError) as err:  # offline build: the app says how to fetch later
            print(
                f"warning: front-end libraries not fetched ({err}); "
                "run `python -m dyad.web.vendor` before `dyad serve`"
            )
        super().run()


setup(cmdclass={"build_py": BuildWithVendoredAssets})
