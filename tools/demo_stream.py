#!/usr/bin/env python3
"""Writes examples/data/demo-stream.jsonl: four days of mentions of a fictional coffee chain, Kestrel
Coffee, written for the Firebreak demo (no real people, no real data).

    python3 tools/demo_stream.py            # writes examples/data/demo-stream.jsonl

What is in it (UTC):
  * a quiet baseline with a daily rhythm (morning, lunch and evening peaks, quiet nights), in
    English, French, German, Spanish and Norwegian, on X, Facebook, Instagram and a review site;
  * day 1, 10:12  one unhappy customer (a cold, late mobile order); the brand answers in 19 minutes;
  * day 2, 15:00  customers are charged twice by the app (a problem that grows for hours, nobody
    answers), until a tech reviewer with 480,000 followers joins at 18:40 and it becomes a crisis;
    the brand's holding reply comes 45 minutes later, its statement later that evening;
  * day 4, 11:00  the brand's cheerful "stormy day" post, published while a storm has just killed
    people, draws a wave of angry replies (an own-post blunder); the brand apologises at 12:25.
The output is deterministic (fixed seed).
"""
import json
import math
import os
import random

SEED = 20260302
BRAND = "kestrel"
START = 1772409600  # 2026-03-02T00:00:00Z
DAY = 86400

rnd = random.Random(SEED)
out = []
ids = {"n": 100000}


def iso(t):
    import datetime
    return datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_id():
    ids["n"] += 1
    return str(ids["n"])


def author(prefix, followers=None):
    n = rnd.randint(1, 9000)
    return {"id": "%s%d" % (prefix, n), "handle": "%s_%d" % (prefix, n),
            "followers": followers if followers is not None else int(rnd.lognormvariate(5.0, 1.2)),
            "verified": False}


def add(t, platform, text, lang, kind="post", who=None, **extra):
    m = {"id": next_id(), "platform": platform, "text": text, "createdAt": iso(t), "lang": lang,
         "kind": kind, "author": who or author("fan"), "brand": BRAND}
    m.update(extra)
    out.append(m)
    return m


OWN = {"twitter": {"id": "9001", "handle": "kestrelcoffee", "followers": 86000, "verified": True},
       "facebook": {"id": "9002", "handle": "KestrelCoffee", "followers": 120000, "verified": True},
       "instagram": {"id": "9003", "handle": "kestrelcoffee", "followers": 210000, "verified": True}}

BASELINE = {
    "en": ["Morning flat white from Kestrel, best start of the day", "Kestrel oat latte is my favourite, thanks!",
           "Meeting a friend at Kestrel on Baker Street later", "Love the new cinnamon bun at Kestrel",
           "Kestrel wifi + cappuccino = perfect study session", "Anyone tried the Kestrel cold brew yet?",
           "Great chat with the barista at Kestrel today", "Kestrel has the nicest window seats in town"],
    "fr": ["Un café chez Kestrel avant le travail, merci !", "Le latte de Kestrel est délicieux",
           "Rendez-vous chez Kestrel cet après-midi", "Super accueil chez Kestrel ce matin"],
    "de": ["Cappuccino bei Kestrel, richtig lecker", "Kestrel hat die besten Zimtschnecken, danke!",
           "Treffe mich gleich mit Freunden bei Kestrel", "Neuer Kestrel Laden am Markt, genial"],
    "es": ["Un café en Kestrel antes de clase, qué rico", "Gracias Kestrel por el café de hoy",
           "Quedamos en Kestrel a las cinco"],
    "nb": ["Kaffe på Kestrel før jobb, deilig", "Takk for en nydelig latte, Kestrel",
           "Kestrel har beste kanelsnurrer i byen", "Møter venner på Kestrel i kveld"],
}
LANGS = ["en"] * 10 + ["fr"] * 3 + ["de"] * 3 + ["es"] * 2 + ["nb"] * 2
PLATFORMS = ["twitter"] * 5 + ["facebook"] * 2 + ["instagram"] * 3


def daily_rate(hour):
    """Mentions per hour at a time of day: quiet nights, morning, lunch and evening peaks."""
    base = 2.5
    for peak, height, width in ((8.5, 55, 1.5), (12.5, 40, 1.2), (17.5, 36, 1.5)):
        base += height * math.exp(-((hour - peak) ** 2) / (2 * width ** 2))
    return base


def baseline():
    t = START
    end = START + 4 * DAY
    while t < end:
        hour = (t % DAY) / 3600.0
        rate = daily_rate(hour)  # per hour
        t += rnd.expovariate(rate / 3600.0)
        if t >= end:
            break
        lang = rnd.choice(LANGS)
        text = rnd.choice(BASELINE[lang])
        if rnd.random() < 0.15:
            text += " #kestrelmoments"
        add(t, rnd.choice(PLATFORMS), text, lang)


def single_complaint():
    t = START + 10 * 3600 + 12 * 60
    who = {"id": "4411", "handle": "ella_runs", "followers": 340, "verified": False}
    c = add(t, "twitter", "@kestrelcoffee my mobile order was cold and 40 minutes late. Not happy.", "en",
            who=who)
    add(t + 19 * 60, "twitter", "@ella_runs So sorry Ella, that is not the Kestrel standard. We've sent you a DM "
        "so we can make it right today.", "en", kind="reply", who=OWN["twitter"], inReplyTo=c["id"],
        conversationId=c["id"], ownedAccount=True)
    add(t + 95 * 60, "twitter", "@kestrelcoffee thanks, sorted quickly. Appreciate it!", "en", kind="reply",
        who=who, inReplyTo=c["id"], conversationId=c["id"])


BILLING = {
    "en": ["The Kestrel app charged me twice for one latte. Refund please, this is unacceptable #kestrelapp",
           "Anyone else charged twice by the Kestrel app today? Support ignored my refund request",
           "Kestrel charged my card twice again. Terrible. Where is my refund?",
           "Charged twice for the same order at Kestrel, support says wait 10 days. Ridiculous #kestrelapp"],
    "nb": ["Kestrel-appen har trukket meg to ganger for samme kaffe. Elendig, vil ha refusjon",
           "Dobbelt trukket av Kestrel igjen. Kundeservice svarer ikke. Dårlig."],
    "de": ["Die Kestrel App hat doppelt abgebucht. Unverschämt, wo bleibt die Erstattung?",
           "Schon wieder doppelt abgebucht bei Kestrel, Support ignoriert mich"],
    "fr": ["L'appli Kestrel m'a débité deux fois. Inadmissible, j'attends mon remboursement"],
    "es": ["La app de Kestrel me ha cobrado dos veces. Pésimo, quiero mi reembolso"],
}
WAVE = ["Same here, charged twice by Kestrel and support ignored me",
        "This is a scam, Kestrel charged me twice too #kestrelapp",
        "Unacceptable. Kestrel owes me a refund as well",
        "Wow, Kestrel ignored my refund for 2 weeks. Never again",
        "Charged twice here too. Deleting the Kestrel app #kestrelapp",
        "Terrible from Kestrel, my bank shows two charges as well"]


def billing_crisis():
    day = START + DAY
    t = day + 15 * 3600
    # the problem grows: a complaint every ~12 minutes, nobody answers
    for i in range(15):
        lang = rnd.choice(["en", "en", "en", "nb", "de", "fr", "es"])
        add(t, rnd.choice(["twitter", "twitter", "facebook"]), rnd.choice(BILLING[lang]), lang,
            who=author("cust"))
        t += rnd.randint(8, 16) * 60
    # the influencer joins
    t = day + 18 * 3600 + 40 * 60
    nora = {"id": "7070", "handle": "techwithnora", "name": "Nora Vik", "followers": 480000, "verified": True}
    post = add(t, "twitter", "Kestrel's app charged me twice AND support ignored me for a week. Unacceptable. "
               "Is anyone else seeing this? #kestrelapp", "en", who=nora,
               engagement={"shares": 0, "replies": 0, "likes": 0, "quotes": 0})
    # the wave: replies and shares of her post, more complaints
    for i in range(70):
        t2 = t + int(rnd.expovariate(1 / 900.0))
        r = rnd.random()
        if r < 0.45:
            add(t2, "twitter", rnd.choice(WAVE), "en", kind="reply", who=author("rt"), inReplyTo=post["id"],
                conversationId=post["id"])
        elif r < 0.75:
            add(t2, "twitter", "RT @techwithnora: Kestrel's app charged me twice AND support ignored me for a week.",
                "en", kind="share", who=author("rt"), sharedFrom=post["id"])
        else:
            lang = rnd.choice(["en", "nb", "de"])
            add(t2, rnd.choice(["twitter", "facebook"]), rnd.choice(BILLING[lang]), lang, who=author("cust"))
    # the platform reports her post's shares growing
    for k, shares in enumerate((120, 380, 900)):
        upd = dict(post)
        upd["engagement"] = {"shares": shares, "replies": shares // 3, "likes": shares * 4, "quotes": shares // 10}
        upd["createdAt"] = post["createdAt"]
        out.append(dict(upd, _at=t + (k + 1) * 15 * 60))
    # the brand's holding reply comes 45 minutes after she posted: the 30-minute crisis deadline is missed
    add(t + 45 * 60, "twitter", "@techwithnora We're very sorry. A payment bug charged some orders twice; we are "
        "refunding every double charge automatically and will post an update by 21:00.", "en", kind="reply",
        who=OWN["twitter"], inReplyTo=post["id"], conversationId=post["id"], ownedAccount=True)
    add(t + 110 * 60, "twitter", "Update on double charges in the Kestrel app: the bug is fixed and every "
        "affected order is being refunded today. We got this wrong and we're sorry. https://kestrel.example/blog/"
        "double-charges", "en", who=OWN["twitter"], ownedAccount=True)
    # tapering complaints in the night and next morning
    t3 = t + 2 * 3600
    for i in range(12):
        t3 += rnd.randint(15, 60) * 60
        lang = rnd.choice(["en", "nb", "de"])
        add(t3, "twitter", rnd.choice(BILLING[lang]), lang, who=author("cust"))


BLUNDER_REPLIES = {
    "en": ["This is so tone-deaf. People died in that storm last night, Kestrel",
           "Disgusting post, Kestrel. Families lost their homes and you sell lattes?",
           "Delete this. Shameful and insensitive.",
           "Unbelievable, Kestrel. Read the news before you post",
           "Wow. Tasteless marketing while the storm killed people. Boycott Kestrel",
           "Who approved this? Awful and insensitive https://news.example/storm-deaths"],
    "nb": ["Helt respektløst, Kestrel. Folk mistet livet i stormen i natt", "Smakløst. Slett innlegget.",
           "Skam dere, Kestrel. Les nyhetene https://nrk.example/uvaer"],
    "fr": ["Honte à Kestrel, publication insensible après la tempête", "Scandaleux. Des gens sont morts, Kestrel."],
    "de": ["Geschmacklos, Kestrel. Menschen sind im Sturm gestorben", "Unverschämt und geschmacklos, löscht das"],
}


def own_post_blunder():
    t = START + 3 * DAY + 11 * 3600
    post = add(t, "instagram", "Stormy Thursday? Perfect excuse to stay in with a pumpkin spice latte! "
               "\u2615\U0001F327\uFE0F #StormDay", "en", who=OWN["instagram"], ownedAccount=True)
    for i in range(42):
        t2 = t + int(rnd.expovariate(1 / 1500.0)) + 120
        lang = rnd.choice(["en", "en", "en", "nb", "nb", "fr", "de"])
        add(t2, "instagram", rnd.choice(BLUNDER_REPLIES[lang]), lang, kind="comment", who=author("ig"),
            inReplyTo=post["id"], conversationId=post["id"])
    add(t + 85 * 60, "instagram", "We deleted our post from this morning. It was wrong to post it while people "
        "are grieving after the storm, and we are sorry. We are donating today's sales to the relief fund.", "en",
        kind="comment", who=OWN["instagram"], inReplyTo=post["id"], conversationId=post["id"], ownedAccount=True)


def main():
    baseline()
    single_complaint()
    billing_crisis()
    own_post_blunder()
    rows = []
    for m in out:
        at = m.pop("_at", None)
        rows.append((at if at is not None else
                     int(__import__("datetime").datetime.strptime(m["createdAt"], "%Y-%m-%dT%H:%M:%SZ")
                         .replace(tzinfo=__import__("datetime").timezone.utc).timestamp()), m))
    rows.sort(key=lambda r: (r[0], r[1]["id"]))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "data", "demo-stream.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for _, m in rows:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print("wrote %d mentions to %s" % (len(rows), os.path.normpath(path)))


if __name__ == "__main__":
    main()
