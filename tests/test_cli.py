

def test_python_dash_m_qgraph_is_the_cli() -> None:
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "qgraph", "--help"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("Usage: qgraph ")
