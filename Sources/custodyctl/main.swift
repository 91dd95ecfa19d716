print("custodyctl")
