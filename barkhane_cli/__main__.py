from barkhane_cli.entry import main

main()
