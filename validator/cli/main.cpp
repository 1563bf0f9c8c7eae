// Placeholder until the engine lands in this change.
int main() { return 3; }
