"""The demo desk's data, shipped inside the package: demo.json and the seed release it names."""
