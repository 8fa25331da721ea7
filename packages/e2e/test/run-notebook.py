"""Execute one notebook headlessly with the Deno kernel; exit 1 with the failing cell's error on any error output."""
import os
import sys

import nbclient
import nbformat

path = sys.argv[1]
notebook = nbformat.read(path, as_version=4)
client = nbclient.NotebookClient(
    notebook,
    kernel_name="deno",
    timeout=180,
    resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
)
try:
    client.execute()
except nbclient.exceptions.CellExecutionError as error:
    print(f"{path}: cell failed\n{error}", file=sys.stderr)
    sys.exit(1)
errors = [
    output
    for cell in notebook.cells
    if cell.cell_type == "code"
    for output in cell.get("outputs", [])
    if output.get("output_type") == "error" or (output.get("output_type") == "stream" and output.get("name") == "stderr" and "error" in output.get("text", "").lower())
]
if errors:
    print(f"{path}: error output\n{errors}", file=sys.stderr)
    sys.exit(1)
displays = sum(1 for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", []))
print(f"{path}: ok, {len(notebook.cells)} cells, {displays} outputs")
