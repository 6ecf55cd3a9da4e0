"""English texts. Plain words, short lines, about grade 6 reading level.

Why: docs/clinical.md, Wording."""

TEXTS: dict[str, str] = {
    # --- help and crisis (static: must render without the database) ---
    "help.title": "🆘 Help, any time",
    "help.body": (
        "• Emergency, overdose, or someone who won't wake up or isn't breathing: "
        "call {emergency} now.\n"
        "• Thoughts of suicide, or a crisis with feelings or using: call or text {crisis}, "
        "or chat at {crisis_chat}. Para español, marque 2.\n"
        "• Crisis by text: text HOME to {crisis_text}.\n"
        "• {program_line}\n"
        "• Treatment referral and information (not crisis counseling): SAMHSA "
        "{samhsa} (TTY {samhsa_tty}), free, 24/7.\n"
        "• Poison or medicine question that is not an emergency: Poison Help {poison}.\n\n"
        "I am an automated assistant, not a counselor, and I cannot call for help for you."
    ),
    "help.program": "Your program's 24/7 line: {program}.",
    "help.no_program": (
        "Your program has not set its 24/7 line here yet. Ask your counselor for it."
    ),
    "help.resume": "Here is where you were; you can carry on:",
    "help.key": "🆘 Help now",
    "help.support": "Your support person: {support}",
    "crisis.emergency": (
        "This may be an emergency. Call {emergency} now.\n\n"
        "If someone may have overdosed:\n"
        "1. Call {emergency}.\n"
        "2. Give naloxone (Narcan) if you have it. If there is no response after 2-3 minutes, "
        "give a second dose.\n"
        "3. Help them breathe: tilt the head back; give rescue breaths if you know how.\n"
        "4. Lay them on their side (recovery position).\n"
        "5. Stay with them until help arrives.\n\n"
        "{good_samaritan}\n"
        "I am an automated assistant and cannot call for you."
    ),
    "crisis.emergency_intent": (
        "This may be an emergency. Call {emergency} now.\n\n"
        "If you, or someone with you, may act on thoughts of suicide now:\n"
        "1. Call {emergency}, or call or text {crisis}.\n"
        "2. Put distance between you and anything you could use to hurt yourself: leave the "
        "place, or give the pills, the weapon or the rope to someone, or lock it away.\n"
        "3. Stay with someone, or ask someone you trust to come now. Don't leave a person at "
        "risk alone.\n"
        "4. If anything has already been taken or done, tell {emergency} right away.\n\n"
        "You matter, and this moment can pass. I am an automated assistant and cannot call "
        "for you."
    ),
    "crisis.emergency_violence": (
        "This may be an emergency. Call {emergency} now.\n\n"
        "If someone is hurting or threatening you, or someone with you:\n"
        "1. Call {emergency}. If you cannot speak, leave the line open so they can hear, or "
        "text {emergency} where that works.\n"
        "2. Get out if you can: to a neighbor, a store, anywhere with people. If you cannot, "
        "stay near a way out and away from the kitchen and anything that can be used as a "
        "weapon.\n"
        "3. Don't try to take a weapon from anyone.\n"
        "4. If anyone is hurt, tell {emergency}, and press hard on any bleeding until help "
        "comes.\n"
        "5. When you are safe, if the danger is someone you live with or are close to: the "
        "domestic violence hotline, {violence}, any hour.\n\n"
        "It is not your fault. I am an automated assistant and cannot call for you."
    ),
    "crisis.good_samaritan": (
        "Most US states have Good Samaritan laws that protect people who call for help in an "
        "overdose."
    ),
    "crisis.suicidal": (
        "Thank you for telling me. You deserve support right now.\n"
        "• Call or text {crisis}, or chat at {crisis_chat}. Spanish: call {crisis} and "
        "press 2, or text AYUDA to {crisis}. Veterans: press 1.\n"
        "• Text HOME to {crisis_text}.\n"
        "• {program_line}\n"
        "• If you or someone else is in danger right now, call {emergency}.\n\n"
        "I am an automated assistant, not a counselor. Are you safe right now?"
    ),
    "crisis.lapse": (
        "Thank you for being honest. A slip does not erase your progress.\n"
        "Please be careful: after a break your body handles less, so the risk of overdose "
        "is higher. Don't use alone, and keep naloxone (Narcan) near. Fentanyl is in much "
        "of the street supply.\n"
        "Telling your counselor or group can help. When you are ready, I am here."
    ),
    "crisis.lapse_alcohol": (
        "Thank you for being honest. A slip does not erase your progress.\n"
        "Please be careful: after a break your body handles less, so the risk of overdose "
        "is higher.\n"
        "• Don't drive.\n"
        "• Don't mix alcohol with sleeping pills, anxiety pills or opioids.\n"
        "• If you have been drinking a lot every day, stopping all at once can be "
        "dangerous. Talk to your program about how to stop safely.\n"
        "Telling your counselor or group can help. When you are ready, I am here."
    ),
    "crisis.lapse_non_opioid": (
        "Thank you for being honest. A slip does not erase your progress.\n"
        "Please be careful: after a break your body handles less, so the risk of overdose "
        "is higher. Don't use alone, and don't mix it with alcohol or other drugs.\n"
        "Telling your counselor or group can help. When you are ready, I am here."
    ),
    "crisis.poison": (
        "For a poison or medicine question, call Poison Help at {poison} (free, 24/7).\n"
        "If the person is unconscious, having a seizure or not breathing, call "
        "{emergency} now."
    ),
    "crisis.check": "That sounds heavy. Are you safe right now?",
    "crisis.resume": "When you are ready, we can carry on where you were, or send /cancel.",
    "safe.yes": "I'm safe",
    "safe.no": "I need help now",
    "safe.thanks": (
        "I'm glad you are safe right now. If that changes, tap 🆘 Help now or call {crisis}."
    ),
    "safe.danger": (
        "Please call {emergency} now, or call {crisis}. If someone is with you, tell them. "
        "Stay with someone you trust. You don't have to go through this alone."
    ),
    # --- strangers and invites ---
    "join.how": (
        "This companion is for clients of a treatment program. To join, open the invite "
        "link your program gave you. Help is always here: /help."
    ),
    "join.open": "To begin, send /start (or just say hi). Help is always here: /help.",
    "join.bad_invite": (
        "That invite is not valid: it may have expired or been used already. Ask your "
        "program for a new link."
    ),
    "join.group": (
        "Hi! I only talk in private chats, so nothing personal is shared in groups. "
        "Message me directly. For help now: call {emergency} or call or text {crisis}."
    ),
    # --- enrollment ---
    "enroll.language": "Welcome! Which language do you prefer? / ¿Qué idioma prefiere?",
    "enroll.consent": (
        "Before we start, please read this (consent version {version}):\n\n"
        "• What I keep: your settings and what you tell me here: check-ins, cravings, "
        "triggers and what helped. I use it to remind you and to show your own patterns.\n"
        "• Who can see it: you, and your program's staff for reports about your care. "
        "If I notice a crisis, your program's staff may get a notice with a code for you "
        "(never your words).\n"
        "• Telegram chats with bots are not end-to-end encrypted, and Telegram stores them.\n"
        "• I am an automated assistant, not a counselor. I cannot call for help for you.\n"
        "• You can stop my messages (/stop) or delete your data (/delete) at any time.\n\n"
        "Do you agree?"
    ),
    "enroll.consent_again": (
        "Do you agree to what I keep and who can see it? Please tap I agree or No."
    ),
    "enroll.accept": "I agree",
    "enroll.decline": "No",
    "enroll.declined": (
        "That's okay. I will not ask you anything else or store anything more. If you change "
        "your mind, tap I agree. To remove even your invite, send /delete. Help: /help."
    ),
    "enroll.timezone": (
        "Which time zone are you in? Tap one, or type a city (like Chicago or New York)."
    ),
    "enroll.timezone_bad": (
        'I don\'t know the time zone "{value}". Type a city like Denver, or tap one.'
    ),
    "enroll.checkin_time": (
        "What time should I send your daily check-in? Tap one or type a time like 7:30 PM."
    ),
    "zone.set": "Time zone: {zone}. It is {time} there now.",
    "enroll.time_bad": '"{value}" is not a time I understand. Type it like 8:30 AM or 9:00 PM.',
    "enroll.medication": (
        "Do you take a medication for your recovery (like buprenorphine, methadone or "
        "naltrexone)? If yes, the check-in will ask if you took it."
    ),
    "enroll.support_name": (
        "Is there someone you can call when it gets hard (a sponsor, friend or family)? "
        "Type their first name, or tap Skip."
    ),
    "enroll.name_bad": "Type their first name in letters, like Ana, or tap Skip.",
    "enroll.support_phone": "What is {name}'s phone number? Type it, or tap Skip.",
    "enroll.phone_bad": "That doesn't look like a phone number. Use digits, like 555-123-4567.",
    "enroll.reasons": (
        "Last one: why does recovery matter to you? Write a few words for yourself "
        '("my reasons"). I will show them back to you when it gets hard. Or tap Skip.'
    ),
    "enroll.done": (
        "You're all set. I will check in with you every day at {time}. "
        "The 🆘 Help now button below is always there."
    ),
    "enroll.paused": "Setup is paused. Send /start when you are ready to go on.",
    # --- menu ---
    "menu.prompt": "What would you like to do?",
    "menu.checkin": "✅ Check in",
    "menu.craving": "🌊 Log a craving",
    "menu.trigger": "⚡ Log a trigger",
    "menu.today": "📅 Today",
    "menu.settings": "⚙️ Settings",
    "menu.help": "🆘 Help now",
    "menu.busy": "You are in the middle of something. Finish it, or send /cancel to leave it.",
    "menu.nothing_to_cancel": "There is nothing to cancel.",
    "menu.welcome_back": "Welcome back. Messages from me are on again.",
    "menu.hello": "Hi, I'm here.",
    "cmd.unknown": "I don't know that command. Here is where you are:",
    "enroll.first": "Let's finish setting up first. It only takes a minute.",
    "cope.noted": "Already noted. Thank you.",
    # --- generic step words ---
    "step.back": "◀ Back",
    "step.skip": "Skip ▶",
    "step.done": "Done ✓",
    "step.expired": "That button is from an older message. Here is where you are now:",
    "step.did_you_mean": "Did you mean this? Tap it, or type your answer in full.",
    "step.use_buttons": "Please tap one of the buttons below.",
    "step.use_scale": "Please tap a number, or type a number from 0 to 10.",
    "step.too_long": "That is too long. Please keep it under {limit} characters.",
    "step.kept_first": "That was over {limit} characters, so I kept the first {limit}.",
    "step.media": "I can only read text and buttons. Please type or tap.",
    "step.cancelled": "Okay, we left the {flow}. Nothing from it was saved.",
    "scale.hint": "0 = {low}, 10 = {high}",
    "flow.checkin": "check-in",
    "flow.craving": "craving log",
    "flow.trigger": "trigger log",
    "flow.settings": "change",
    "flow.delete": "request",
    # --- check-in ---
    "ci.replace": "You already checked in today. Do you want to replace it?",
    "ci.replace_yes": "Yes, start over",
    "ci.replace_no": "No, keep it",
    "ci.kept": "Okay, today's check-in stays as it is.",
    "ci.mood": "How is your mood right now?",
    "ci.mood.low": "very bad",
    "ci.mood.high": "very good",
    "ci.craving": "How strong was your strongest craving in the last 24 hours?",
    "ci.craving.low": "none",
    "ci.craving.high": "extreme",
    "ci.use": "Any alcohol or drug use since your last check-in?",
    "opt.use.no": "No",
    "opt.use.alcohol": "Yes, alcohol",
    "opt.use.other": "Yes, other",
    "opt.use.private": "Prefer not to say",
    "ci.sleep": "How did you sleep last night?",
    "opt.sleep.poor": "Poorly",
    "opt.sleep.ok": "OK",
    "opt.sleep.well": "Well",
    "ci.stress": "How stressed are you today?",
    "ci.stress.low": "not at all",
    "ci.stress.high": "extremely",
    "ci.triggers": "What set off cravings today?",
    "ci.medication": "Did you take your medication as prescribed today?",
    "opt.medication.yes": "Yes",
    "opt.medication.missed": "Missed it",
    "opt.medication.unsure": "Not sure",
    "ci.confidence": "How sure are you that you can stay on track today?",
    "ci.confidence.low": "not sure at all",
    "ci.confidence.high": "completely sure",
    "ci.safety": (
        "In the past day, have you had thoughts that you would be better off dead, "
        "or of hurting yourself?"
    ),
    "opt.safety.yes": "Yes",
    "opt.safety.no": "No",
    "ci.saved": "Thank you. Your check-in is saved.",
    "ci.replaced": "Thank you. Today's check-in is updated.",
    "ci.offer_high": "That sounds hard. Here is something that can help right now:",
    "ci.offer_craving": "That is a strong craving. Here is something to try right now:",
    "ci.offer_stress": "Stress is high today. A breathing break can help:",
    "ci.offer_call": "It might help to talk to someone today.",
    # --- triggers (multi-select) ---
    "tr.pick_group": "Pick a group, then tap all that fit. Type to add your own.",
    "tr.selected": "Chosen: {items}",
    "tr.none_selected": "Nothing chosen yet.",
    "tr.none": "None today",
    "tr.groups": "◀ Groups",
    "tr.other_bad": 'Type the trigger in words, like "an argument at home", or tap a button.',
    "tr.other_added": 'Added: "{value}".',
    "cat.feel": "Feelings",
    "cat.body": "Body",
    "cat.good": "Good times",
    "cat.urge": "Urges",
    "cat.people": "People",
    "cat.places": "Places",
    "cat.things": "Things",
    "cat.life": "Life",
    "trigger.stressed": "stressed",
    "trigger.anxious": "anxious",
    "trigger.sad": "sad",
    "trigger.bored": "bored",
    "trigger.ashamed": "ashamed or guilty",
    "trigger.angry": "angry",
    "trigger.lonely": "lonely",
    "trigger.hungry": "hungry",
    "trigger.tired": "tired",
    "trigger.pain": "pain or sick",
    "trigger.withdrawal": "withdrawal",
    "trigger.nosleep": "can't sleep",
    "trigger.celebrate": "celebrating",
    "trigger.holiday": "weekend or holiday",
    "trigger.blue": "out of the blue",
    "trigger.justone": '"just one"',
    "trigger.memories": "remembering good times",
    "trigger.usedwith": "people I used with",
    "trigger.dealer": "dealer contact",
    "trigger.conflict": "family or partner conflict",
    "trigger.pressured": "offered or pressured",
    "trigger.useplace": "where I used or bought",
    "trigger.bar": "bar or party",
    "trigger.homealone": "home alone",
    "trigger.sawsubst": "saw alcohol or drugs",
    "trigger.payday": "money or payday",
    "trigger.media": "music, films or social media",
    "trigger.work": "work or school",
    "trigger.money": "money trouble",
    "trigger.legal": "housing or legal trouble",
    "trigger.health": "health",
    # --- craving log ---
    "cr.intensity": "How strong is the craving right now?",
    "cr.triggers": "What set it off?",
    "cr.action": "What did you do about it?",
    "opt.action.nothing": "Nothing yet",
    "cr.saved": "Logged. Cravings rise, peak and pass, like a wave.",
    "cr.saved_short": "Logged.",
    "cr.halt": "Check HALT: are you hungry, angry, lonely or tired? Take care of that first.",
    # --- trigger log ---
    "tl.triggers": "What happened?",
    "tl.note": "Want to add a short note (up to 200 characters)? Type it, or tap Skip.",
    "tl.saved": "Logged. Noticing a trigger is a skill, and you just used it.",
    "tl.need_one": "Please pick at least one, or type your own.",
    # --- coping ---
    "cope.try": "Try this: {skill}",
    "cope.did_help": "Did that help?",
    "cope.helped.y": "👍 Yes",
    "cope.helped.b": "A bit",
    "cope.helped.n": "No",
    "cope.more": "Other ideas:",
    "cope.thanks.y": "Great. I'll remember that it helped.",
    "cope.thanks.b": "Thanks. Every bit counts.",
    "cope.thanks.n": (
        "Thanks for telling me. Not every idea fits every moment. Here is another one to try now:"
    ),
    "cope.call_someone": "📞 Call someone",
    "cope.call_saved": "Call {name}: {phone}. Reaching out is strength.",
    "cope.call_none": (
        "Call someone you trust: a sponsor, friend, or your counselor. You can save a "
        "person in /settings. Any time, you can call or text {crisis}."
    ),
    "skill.surf": "Urge surfing",
    "skill.delay": "Delay 15 minutes",
    "skill.leave": "Leave the place",
    "skill.distract": "Distract yourself",
    "skill.substitute": "Substitute",
    "skill.tape": "Play the tape through",
    "skill.call": "Call someone",
    "skill.ground": "Grounding 5-4-3-2-1",
    "skill.breathe": "Box breathing",
    "skill.halt": "HALT check",
    "skill.reasons": "My reasons",
    "skill.meeting": "Go to a meeting",
    "how.surf": (
        "Urges rise, peak and pass, like a wave. Sit down, breathe, and notice where you "
        "feel the urge in your body. Watch it grow and fade without acting on it. Give it "
        "2 to 5 minutes."
    ),
    "how.delay": (
        "Set a timer for 15 minutes. You don't have to decide anything now. When the timer "
        "ends, check in with yourself again."
    ),
    "how.leave": "If you can, leave the place or the person now. Go somewhere safe.",
    "how.distract": "Do something else for 10 minutes: a walk, a shower, music, or a chore.",
    "how.substitute": "Have water, tea or a snack, or move your body for a few minutes.",
    "how.tape": (
        "Play the tape through: picture 10 minutes from now, 2 hours from now, and tomorrow "
        "morning if you use. Then picture each one if you don't."
    ),
    "how.call": "Call or text someone you trust, even for two minutes.",
    "how.ground": (
        "Name 5 things you see, 4 you can touch, 3 you hear, 2 you smell, and 1 you taste."
    ),
    "how.breathe": (
        "Box breathing: breathe in for 4, hold for 4, out for 4, hold for 4. Do it for 2 minutes."
    ),
    "how.halt": (
        "HALT: are you Hungry, Angry, Lonely or Tired? Eat something, let the anger out "
        "safely, reach out to someone, or rest."
    ),
    "how.reasons": 'Your reasons, in your own words:\n"{reasons}"',
    "how.reasons_none": (
        "Think of why you started this: the people, the plans, the things you want back. "
        "You can save your reasons in /settings."
    ),
    "how.meeting": "Find a meeting today, in person or online. You don't have to talk.",
    # --- today, settings, privacy, stop, delete ---
    "today.title": "Today, {date}:",
    "today.checkin_done": "✅ Check-in done",
    "today.checkin_todo": "⬜ Check-in not done yet",
    "today.counts": "Cravings logged: {cravings}. Triggers logged: {triggers}.",
    "settings.prompt": (
        "Your settings:\n• Language: {language}\n• Time zone: {timezone}\n"
        "• Daily check-in: {time}\n• Medication question: {medication}\n"
        "• Support person: {support}\n• My reasons: {reasons}\n\nWhat do you want to change?"
    ),
    "settings.language": "Language",
    "settings.timezone": "Time zone",
    "settings.time": "Check-in time",
    "settings.medication": "Medication",
    "settings.support": "Support person",
    "settings.reasons": "My reasons",
    "settings.close": "Close",
    "settings.saved": "Saved.",
    "settings.on": "on",
    "settings.off": "off",
    "settings.none": "not set",
    "settings.set": "saved",
    "settings.reasons_set": "saved",
    "settings.reasons_none": "not set",
    "settings.reminders_on": "all on",
    "settings.reminders_all_off": "all off",
    "settings.reminders_off": "all on except {items}",
    "settings.removed": "Removed.",
    "set.reasons.saved": (
        'Your reasons, as you wrote them:\n"{saved}"\n\nType new words to replace them, or tap '
        "Remove."
    ),
    "set.reasons.none": (
        "Why does recovery matter to you? Write a few words for yourself. I will show them "
        "back to you when it gets hard."
    ),
    "set.support.saved": (
        "Your support person: {saved}.\n\nType a first name to change it, or tap Remove."
    ),
    "set.support.none": (
        "Is there someone you can call when it gets hard (a sponsor, friend or family)? "
        "Type their first name."
    ),
    "set.remove": "🗑 Remove",
    "yes": "Yes",
    "no": "No",
    "privacy.text": (
        "Your privacy (consent version {version}):\n"
        "• I keep your settings, check-ins, cravings, triggers, what helped, and when a "
        "crisis message was detected (not the words).\n"
        "• If you gave them, I also keep your support person's name and number and your "
        '"my reasons" note, to show them back to you when it gets hard. You can change or '
        "remove them in /settings.\n"
        "• Your program's staff can see reports about your care. No one else.\n"
        "• Telegram chats with bots are not end-to-end encrypted; Telegram stores them.\n"
        "• I never ask for your location or contacts.\n"
        "• /export sends you a copy of everything I hold. /stop stops my messages. /delete "
        "erases what I hold about you."
    ),
    "stop.done": (
        "Okay. I won't send you any messages on my own until you send /start. You can still "
        "write to me any time, and /help always works."
    ),
    "delete.confirm": (
        "This erases everything I hold about you: your settings, consent, check-ins, "
        "cravings, triggers, what helped, and crisis records. It cannot be undone. "
        "Telegram keeps its own copy of this chat; you can delete the chat in Telegram.\n\n"
        "Delete everything?"
    ),
    "delete.yes": "Yes, delete everything",
    "delete.no": "No, keep it",
    "delete.kept": "Okay, nothing was deleted.",
    "delete.done": (
        "Done. I deleted: {summary}. I no longer know who you are. "
        "To use me again you need a new invite. /help still works."
    ),
    "error.generic": (
        "Sorry, something went wrong on my side, and your last message may not have been saved. "
        "Please try again in a minute. For help now: call or text {crisis}, or call {emergency}."
    ),
    "deleted.checkins": "check-ins",
    "deleted.cravings": "cravings",
    "deleted.trigger_logs": "trigger logs",
    "deleted.coping_outcomes": "coping notes",
    "deleted.crisis_events": "crisis records",
    "deleted.consents": "consent records",
    "deleted.profile": "your profile and settings",
    "cr.intensity.low": "none",
    "cr.intensity.high": "extreme",
    "staff.crisis": (
        "Crisis notice, tier {tier}: {meaning}.\nClient {client}.\nAt {time}.\n"
        "Please follow up per protocol, and tap the button so the team knows you have it."
    ),
    "staff.crisis.repeat": "Not yet taken (reminder {n}):",
    "staff.crisis.escalated": "Nobody in the staff chat has taken this yet:",
    "staff.tier.1": "an emergency now (overdose, not breathing, or intent with a means or a time)",
    "staff.tier.2": "suicidal thoughts, self-harm, harm to others, or abuse or threats",
    "staff.who.label": "label {label}",
    "staff.who.counselor": "counselor {counselor}",
    "staff.ack.button": "I'm on it",
    "staff.ack.done": "{name} is on it ({time}).",
    "staff.ack.taken": "Already taken by {name}.",
    "staff.ack.gone": "This notice is no longer open.",
    "staff.flags.title": "Daily flags, {day}",
    "staff.flags.title.part": "Daily flags, {day} (part {n} of {total})",
    "staff.flags.lead.one": (
        "{n} client to look at today. Tap the button below when someone has it in hand."
    ),
    "staff.flags.lead.other": (
        "{n} clients to look at today. Tap the button below when someone has it in hand."
    ),
    "staff.flags.line": "• {client}: {flags}",
    "staff.flags.rules": "The program report's rules, over each client's last 7 days.",
    "staff.flags.status.stopped": "has stopped the bot's messages",
    "staff.flags.status.blocked": "has blocked the bot",
    "staff.flag.craving": "craving 8 or more two days running",
    "staff.flag.medication": "medication missed on 2 days in 7",
    "staff.flag.sleep": "poor sleep 3 times in a week",
    "staff.flag.missed": "no check-in the last 2 days",
    "privacy.code": "• Your client code is {code}. Your program's staff know you by it.",
    "rem.checkin": "Hi! Time for today's check-in. It takes about a minute.",
    "rem.day_before": "Tomorrow at {time}: {kind}.\nWill you be there?{place}",
    "rem.day_before.today": "Today at {time}: {kind}.\nWill you be there?{place}",
    "rem.hour_before": "In one hour, at {time}: {kind}.\nSee you there?{place}",
    "rem.hour_before.soon": "Soon, at {time}: {kind}.\nSee you there?{place}",
    "rem.place": "\n\nPlace: {place}",
    "rem.followup": (
        "Checking back in from earlier. How are you doing now?\n\nDid the craving pass?"
    ),
    "rem.checkback": "Good morning. How are you today? I'm here if you need anything.",
    "rem.reengage": "Hi, just thinking of you. No pressure: whenever you're ready, I'm here.",
    "rem.weekly": "It's Sunday: a good moment to look back on your week. Want to check in?",
    "session.group": "group session",
    "session.individual": "one-on-one session",
    "session.family": "family session",
    "att.there": "I'll be there",
    "att.late": "Running late",
    "att.cant": "Can't make it",
    "att.thanks.there": "Thanks! See you there.",
    "att.thanks.late": "Thanks for letting us know. See you soon, and travel safe.",
    "att.thanks.cant": (
        "Thanks for telling us. Your team will know. If you can, call them to reschedule."
    ),
    "att.untold.late": (
        "Thanks for telling me. I could not pass this on to your team, so if you can, "
        "call your program to say you are running late. See you soon, and travel safe."
    ),
    "att.untold.cant": (
        "Thanks for telling me. I could not pass this on to your team, so please call "
        "your program when you can, to let them know and to reschedule."
    ),
    "fu.passed": "It passed",
    "fu.strong": "Still strong",
    "fu.used": "I used",
    "fu.strong_intro": "Thanks for telling me. Let's try something right now:",
    "fu.what_helped": "Well done: you rode it out. What helped most?",
    "fu.helped": "Thanks. I'll remember that this helped: {skill}.",
    "staff.attendance": (
        'Attendance: client {client} answered "{answer}" for the session at {time}.'
    ),
    "sessions.title": "Your sessions in the next 7 days:",
    "sessions.none": "No sessions in the next 7 days.",
    "sessions.line": "• {day}, {time}: {kind} ({minutes} min){place}",
    "settings.reminders": "Reminders",
    "rem.toggle_prompt": "Which messages should I send you? Tap to turn one on or off.",
    "remkind.checkin": "Daily check-in",
    "remkind.session": "Session reminders",
    "remkind.craving_followup": "Follow-up after a craving",
    "remkind.checkback": "Morning check-back",
    "remkind.reengage": "A word when I miss you",
    "remkind.weekly_summary": "Sunday look-back",
    "day.0": "Mon",
    "day.1": "Tue",
    "day.2": "Wed",
    "day.3": "Thu",
    "day.4": "Fri",
    "day.5": "Sat",
    "day.6": "Sun",
    "menu.sessions": "🗓 Sessions",
    "menu.progress": "📈 Progress",
    "export.confirm": (
        "I can send you everything I hold about you as a file (a zip with your "
        "check-ins, cravings, triggers and settings). Once sent, the file leaves me: "
        "anyone who gets your phone or the file can read it. Send it?"
    ),
    "export.yes": "Yes, send the file",
    "export.no": "No",
    "export.kept": "Okay, nothing was sent.",
    "export.caption": "Your data, as of {date}. Keep this file somewhere safe.",
    "share.confirm": (
        "I can send this week's summary to your program's staff, so your counselor can "
        "see it. Only this summary is sent, with your client code. Send it?"
    ),
    "share.yes": "Yes, send it",
    "share.no": "No",
    "share.sent": "Sent to your program's staff. Thank you for sharing.",
    "share.failed": (
        "Your summary could not reach your program's staff just now. Please tell your "
        "counselor, or try /share again later."
    ),
    "share.unavailable": (
        "Your program has not set up sharing yet. You can show your /progress to your "
        "counselor instead."
    ),
    "settings.days_since_use": "Days since last use",
    "progress.window": "Show {days} days",
    "rem.weekly.head": "It's Sunday: a look back at your week.",
    "share.staff_header": "Weekly summary shared by client {client} ({date}):",
    # The bot's profile (setMyDescription, setMyShortDescription): the first screen after an
    # invite link, and what a chat list shows. Neutral: no treatment words.
    "bot.description": (
        "A private companion for every day: a quick daily check-in, a note of what is hard "
        "in the moment with an idea to try, reminders of your appointments, and help one tap "
        "away, day or night.\n\nOpen it with the link you were given."
    ),
    "bot.short_description": "A private daily companion: check-ins, reminders, help any time.",
}
